// Which msw major this run tests: 2 (the default, Node 20) or 3 (TIKHUB_MSW_MAJOR=3, Node ≥ 22.12:
// scripts/vitest-msw3.mjs runs the suite that way on Node 24). Both come from the npm registry as
// devDependencies of this package: msw (2.x) and msw3 (npm:msw@3.x).
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const MSW_MAJOR: 2 | 3 = process.env.TIKHUB_MSW_MAJOR === "3" ? 3 : 2;
/** installPacked()'s link for msw: this package's msw, or its msw3 alias, linked as "msw". */
export const MSW_LINK = MSW_MAJOR === 3 ? "msw:msw3" : "msw";
/** The installed msw of that major (its real directory). */
export const MSW_DIR = realpathSync(fileURLToPath(new URL(`../node_modules/${MSW_MAJOR === 3 ? "msw3" : "msw"}`, import.meta.url)));
export const MSW_VERSION: string = JSON.parse(readFileSync(`${MSW_DIR}/package.json`, "utf8")).version;
