// Finds the code blocks of a README that `pnpm test:readme` runs, and the directive written before
// each one. A directive is an HTML comment on the last non-blank line before the fence (invisible
// on GitHub and npm):
//
//   <!-- readme-test: skip <reason> -->   not run; the reason (at least a few words) says why
//   <!-- readme-test: server -->          sh: each command line starts something that keeps running
//                                         (a mock): wait until it listens, SIGTERM it, and require the
//                                         port closed and no process left within 3 s
//   <!-- readme-test: continue -->        ts/js: runs with the file's previous ts/js block(s) in front
//                                         (same program, so their imports and variables are in scope)
//   <!-- readme-test: vitest -->          ts/js: a test file, run with vitest (implied when it imports "vitest")
//
// Only sh/bash/shell and ts/typescript/js/javascript/mjs blocks are run; every other fence (json,
// text, yaml, none) is shown output or data and is not. The root README's shell blocks run at the
// repository root, the package READMEs' in a throwaway project with every package installed (and
// their bins on PATH); ts/js blocks are stripped of types (esbuild) and run by Node, their fetch calls
// to the API or to 127.0.0.1:4010 sent to a mock the test starts; credentials demo/demo in the env.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const LANGS = { sh: "sh", bash: "sh", shell: "sh", ts: "ts", typescript: "ts", mts: "ts", js: "js", javascript: "js", mjs: "js" };
const MODES = new Set(["skip", "server", "continue", "vitest"]);
const DIRECTIVE = /^<!--\s*readme-test:\s*([a-z-]+)\b[\s:—–-]*(.*?)\s*-->$/;
const MIN_REASON_CHARS = 12;
const IMPORTS_VITEST = /\bfrom\s+["']vitest["']/;

/** The READMEs under test: the root one, and those of the workspace's packages and folders. */
export function readmeFiles(repoRoot) {
  const files = ["README.md"];
  for (const dir of ["packages", "."]) {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name, "README.md");
      if (existsSync(join(repoRoot, path))) files.push(relative(repoRoot, join(repoRoot, path)));
    }
  }
  return [...new Set(files)].sort((a, b) => (a === "README.md" ? -1 : b === "README.md" ? 1 : a.localeCompare(b)));
}

/**
 * The runnable blocks of one README: { file, line (of the opening fence, 1-based), lang ("sh" | "ts"
 * | "js"), code, firstLine (README line of the code's first line), mode ("run" or a directive), reason,
 * problem (a malformed directive, reported as a failure) }.
 */
export function parseBlocks(file, text) {
  const lines = text.split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(lines[end])) end++;
    const lang = LANGS[info.toLowerCase()];
    const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
    if (lang) {
      let previous = i - 1;
      while (previous >= 0 && lines[previous].trim() === "") previous--;
      const directive = previous >= 0 ? DIRECTIVE.exec(lines[previous].trim()) : null;
      const block = { file, line: i + 1, firstLine: i + 2, lang, code: body.join("\n"), mode: "run", reason: "" };
      if (directive) {
        const [, mode, reason] = directive;
        block.mode = mode;
        block.reason = reason;
        if (!MODES.has(mode)) block.problem = `unknown readme-test directive "${mode}" (use skip <reason>, server, continue or vitest)`;
        else if (mode === "skip" && reason.length < MIN_REASON_CHARS)
          block.problem = `"readme-test: skip" needs a reason that says why the block is not run, got "${reason}"`;
        else if (mode === "server" && lang !== "sh") block.problem = `"readme-test: server" is for sh blocks, this one is ${lang}`;
        else if ((mode === "continue" || mode === "vitest") && lang === "sh") block.problem = `"readme-test: ${mode}" is for ts/js blocks, this one is sh`;
      } else if (previous >= 0 && /readme-test/.test(lines[previous])) {
        block.problem = `malformed readme-test directive on line ${previous + 1}: ${lines[previous].trim()}`;
      }
      blocks.push(block);
    }
    i = end;
  }
  return blocks;
}

/** The command lines of an sh block ({ command, index: its first line within the block }): comments and blank lines dropped, `\\` continuations joined. */
export function commandLines(code) {
  const commands = [];
  let current = "";
  let start = 0;
  code.split("\n").forEach((raw, index) => {
    const line = raw
      .replace(/\s+#.*$/, "")
      .replace(/^#.*$/, "")
      .trimEnd();
    if (!current) start = index;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1)} `;
      return;
    }
    current += line;
    if (current.trim()) commands.push({ command: current.trim(), index: start });
    current = "";
  });
  return commands;
}

/** Whether a ts/js block is a test file, run by vitest on its own: marked `vitest`, or a plain block that imports vitest. */
export function isTestFile(block) {
  return block.mode === "vitest" || (block.mode === "run" && IMPORTS_VITEST.test(block.code));
}

/** The blocks a continue block runs after: back to (and including) the nearest block that is not itself a continuation. */
export function chainOf(blocks, index) {
  const chain = [blocks[index]];
  if (blocks[index].mode !== "continue") return chain;
  for (let i = index - 1; i >= 0; i--) {
    const previous = blocks[i];
    if (previous.lang === "sh" || previous.mode === "skip" || isTestFile(previous)) continue;
    chain.unshift(previous);
    if (previous.mode !== "continue") return chain;
  }
  throw new Error(`${blocks[index].file}:${blocks[index].line}: "readme-test: continue" but no earlier ts/js block in the file to continue`);
}
