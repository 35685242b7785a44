// msw is an optional peer: the packed mock and client, installed WITHOUT msw, import and require
// cleanly (neither touches msw), and only `@tikhubapi/mock/msw` asks for it, by name.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installPacked, type PackedInstall } from "../../../scripts/packed-install.mjs";

let packed: PackedInstall;
beforeAll(() => {
  packed = installPacked(["client", "mock"]);
}, 120_000);
afterAll(() => packed?.remove());

const PROBE = `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const out = {};
const mock = await import("@tikhubapi/mock");
const client = await import("@tikhubapi/client");
out.esm = [typeof mock.startMock, typeof client.createTikHubClient];
out.cjs = [typeof require("@tikhubapi/mock").startMock, typeof require("@tikhubapi/client").createTikHubClient];
out.mswInRequireCache = Object.keys(require.cache).filter((file) => /[\\\\/]msw[\\\\/]/.test(file));
for (const [kind, load] of [["import", () => import("@tikhubapi/mock/msw")], ["require", async () => require("@tikhubapi/mock/msw")]]) {
  try {
    await load();
    out[kind] = "loaded";
  } catch (error) {
    out[kind] = error.code + ": " + error.message.split("\\n")[0];
  }
}
console.log(JSON.stringify(out));
`;

it("without msw installed: @tikhubapi/mock and @tikhubapi/client load (ESM and CJS); only the /msw subpath asks for msw", () => {
  writeFileSync(join(packed.dir, "probe.mjs"), PROBE);
  // Without NODE_PATH: pnpm's bin shims set it to the workspace's store, where msw is.
  const { NODE_PATH: _nodePath, ...env } = process.env;
  const output = execFileSync(process.execPath, ["probe.mjs"], { cwd: packed.dir, env, encoding: "utf8", timeout: 60_000 });
  const result = JSON.parse(output.trim().split("\n").pop()!);
  expect(result.esm).toEqual(["function", "function"]);
  expect(result.cjs).toEqual(["function", "function"]);
  expect(result.mswInRequireCache).toEqual([]);
  expect(result.import).toMatch(/^ERR_MODULE_NOT_FOUND: .*'msw'/);
  expect(result.require).toMatch(/^MODULE_NOT_FOUND: .*'msw'/);
});
