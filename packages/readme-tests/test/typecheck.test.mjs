// The README's TypeScript blocks also type-check against the built packages' declarations (tsc,
// not strict: an example may leave out a null check, but not call a method, pass a parameter or
// read a field the packages do not have). Each block is checked as the program it runs as (with the
// blocks it continues), at its own README line numbers, so an error names the README file and line.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { chainOf, isTestFile, parseBlocks, readmeFiles } from "./readme-blocks.mjs";
import { packageDir, program, repoRoot } from "./run-block.mjs";

const checkDir = join(packageDir, ".run", "typecheck");

it("every run ts block of the READMEs type-checks (README file:line on an error)", () => {
  rmSync(checkDir, { recursive: true, force: true });
  mkdirSync(checkDir, { recursive: true });
  const files = new Map(); // checked file → README file
  for (const file of readmeFiles(repoRoot)) {
    const blocks = parseBlocks(file, readFileSync(join(repoRoot, file), "utf8"));
    blocks.forEach((block, index) => {
      if (block.lang !== "ts" || block.mode === "skip" || block.problem) return;
      const name = `${file.replace(/[^A-Za-z0-9]+/g, "-")}-L${block.line}.ts`;
      // `export {}` makes every block a module (top-level await); it goes after the README's lines.
      writeFileSync(
        join(checkDir, name),
        `${isTestFile(block) ? block.code.replace(/^/, "\n".repeat(block.firstLine - 1)) : program(chainOf(blocks, index))}\nexport {};\n`,
      );
      files.set(name, file);
    });
  }
  writeFileSync(
    join(checkDir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: false,
        noEmit: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        types: ["node"],
        lib: ["ES2022", "DOM"],
      },
      include: ["*.ts"],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(packageDir, "node_modules", "typescript", "bin", "tsc"), "-p", checkDir, "--pretty", "false"], {
    cwd: packageDir,
    encoding: "utf8",
  });
  const errors = [];
  for (const line of `${tsc.stdout}${tsc.stderr}`.split("\n")) {
    const match = /^(?:.*[\\/])?([^\\/(]+\.ts)\((\d+),(\d+)\): (error TS\d+: .*)$/.exec(line.trim());
    if (match && files.has(match[1])) errors.push(`${files.get(match[1])}:${match[2]}:${match[3]}: ${match[4]}`);
    else if (line.trim()) errors.push(line.trim());
  }
  expect([...new Set(errors)].join("\n")).toBe("");
  expect(tsc.status).toBe(0);
});
