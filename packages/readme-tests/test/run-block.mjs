// How each kind of README block is run. Every block runs in a process group of its own that is
// killed afterwards, so nothing a block starts outlives its test.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { freePort, killSession, runInGroup, sessionAlive } from "../../../scripts/process-group.mjs";
import { commandLines } from "./readme-blocks.mjs";

export const packageDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const runDir = join(packageDir, ".run");
const networkModule = pathToFileURL(fileURLToPath(new URL("./network.mjs", import.meta.url))).href;
const blockVitestConfig = fileURLToPath(new URL("./block.vitest.config.mjs", import.meta.url));

const BLOCK_TIMEOUT_MS = 120_000;
const SERVER_START_TIMEOUT_MS = 120_000;
/** Load-proof bound for "stops after SIGTERM" (the target, 3 s, is printed with the measured time). */
const SERVER_STOP_BOUND_MS = 15_000;
const STOP_TARGET_MS = 3_000;

/** The environment of every block: a user's shell with the mock's credentials and the packages' bins on PATH. */
export function blockEnv(mockUrl) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // What pnpm, turbo and vitest add for their own children is not part of a user's shell.
    if (/^(npm_|VITEST|TURBO_(?!TELEMETRY))/.test(key) || key === "NODE_ENV" || key === "NODE_OPTIONS") continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${join(packageDir, "node_modules", ".bin")}:${process.env.PATH}`,
    TIKHUB_USERNAME: "demo",
    TIKHUB_PASSWORD: "demo",
    TIKHUB_BASE_URL: mockUrl,
    README_TEST_MOCK_URL: mockUrl,
    TURBO_TELEMETRY_DISABLED: "1",
    REDOCLY_TELEMETRY: "off",
    NO_COLOR: "1",
  };
}

/**
 * A throwaway project with every package installed (its node_modules is this package's), where the
 * package READMEs' shell blocks run, as in a user's project: what they write stays out of the repo.
 */
let consumerDir;
function consumerProject() {
  if (!consumerDir) {
    consumerDir = mkdtempSync(join(tmpdir(), "readme-test-project-"));
    writeFileSync(join(consumerDir, "package.json"), `${JSON.stringify({ name: "readme-test-project", private: true, type: "module" }, null, 2)}\n`);
    symlinkSync(join(packageDir, "node_modules"), join(consumerDir, "node_modules"));
  }
  return consumerDir;
}
export function removeConsumerProject() {
  if (consumerDir) rmSync(consumerDir, { recursive: true, force: true });
  consumerDir = undefined;
}

/** Root README commands run at the repository root; package READMEs' in the throwaway project above. */
function blockCwd(block) {
  return block.file === "README.md" ? repoRoot : consumerProject();
}

/** Points the README's default mock address at `port`. */
function retarget(text, port) {
  return text.replace(/\b(127\.0\.0\.1|localhost):4010\b/g, `$1:${port}`);
}

/** Runs a command in its own process group (killed after BLOCK_TIMEOUT_MS and once it exits). */
const run = (command, args, { cwd, env }) => runInGroup(command, args, { cwd, env, timeoutMs: BLOCK_TIMEOUT_MS });

const tail = (text, chars = 3000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

function failure(block, line, what, result) {
  const output = result ? `--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}` : "";
  return new Error(`${block.file}:${line}: ${what}\n${output}`);
}

/** An sh block, as one bash script with -e and pipefail; a failing command is reported with its README line. */
export async function runShell(block, mockUrl, port) {
  const marker = "README_TEST_FAILED_AT_LINE";
  // Line 1 is the trap; the block's line k is script line k + 1, README line firstLine + k - 1.
  const script = `trap 'echo "${marker} $((LINENO + ${block.firstLine - 2})) exit $?" >&2' ERR\n${retarget(block.code, port)}`;
  const result = await run("bash", ["-eo", "pipefail", "-c", script], { cwd: blockCwd(block), env: blockEnv(mockUrl) });
  if (result.timedOut)
    throw failure(
      block,
      block.line,
      `did not finish within ${BLOCK_TIMEOUT_MS / 1000} s (a command that keeps running needs <!-- readme-test: server -->)`,
      result,
    );
  if (result.code !== 0) {
    const at = new RegExp(`${marker} (\\d+) exit (\\d+)`).exec(result.stderr);
    const line = at ? Number(at[1]) : block.line;
    const command = at ? `\`${block.code.split("\n")[Number(at[1]) - block.firstLine]?.trim()}\` ` : "";
    throw failure(block, line, `${command}exited ${at ? at[2] : (result.code ?? result.signal)}`, result);
  }
  return result;
}

/** The program of a ts/js block: the README with every other line blanked, so its line numbers are the README's. */
export function program(chain) {
  const last = chain.at(-1);
  const lines = Array.from({ length: last.firstLine + last.code.split("\n").length }, () => "");
  for (const block of chain) {
    block.code.split("\n").forEach((line, k) => {
      lines[block.firstLine - 1 + k] = line;
    });
  }
  return lines.join("\n");
}

function slug(block) {
  return `${block.file.replace(/[^A-Za-z0-9]+/g, "-")}-L${block.line}`;
}

/** Where a stack trace points into the README (the source map maps the program back to it). */
function readmeLine(block, stderr) {
  const match = new RegExp(`${block.file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:(\\d+)`).exec(stderr);
  return match ? Number(match[1]) : block.line;
}

/** A ts/js block (with the blocks it continues in front), stripped of types by esbuild and run by Node. */
export async function runScript(block, chain, mockUrl) {
  mkdirSync(runDir, { recursive: true });
  let code;
  try {
    code = transformSync(program(chain), {
      loader: block.lang === "ts" ? "ts" : "js",
      format: "esm",
      target: `node${process.versions.node}`, // keeps what this Node runs as printed (e.g. import attributes)
      sourcemap: "inline",
      sourcefile: join(repoRoot, block.file),
    }).code;
  } catch (error) {
    const at = error.errors?.[0]?.location;
    throw failure(block, at?.line ?? block.line, `does not compile: ${error.errors?.[0]?.text ?? error.message}`);
  }
  const file = join(runDir, `${slug(block)}.mjs`);
  writeFileSync(file, code);
  const result = await run(process.execPath, ["--enable-source-maps", "--import", networkModule, file], { cwd: packageDir, env: blockEnv(mockUrl) });
  if (result.timedOut) throw failure(block, block.line, `did not finish within ${BLOCK_TIMEOUT_MS / 1000} s`, result);
  if (result.code !== 0) throw failure(block, readmeLine(block, result.stderr), `exited ${result.code ?? result.signal}`, result);
  return result;
}

/** A ts/js block that is a test file: run by vitest, in this package, with the network module preloaded. */
export async function runVitest(block, mockUrl) {
  mkdirSync(runDir, { recursive: true });
  const file = join(runDir, `${slug(block)}.test.${block.lang === "ts" ? "ts" : "mjs"}`);
  writeFileSync(file, block.code);
  const vitest = join(packageDir, "node_modules", ".bin", "vitest");
  const env = { ...blockEnv(mockUrl), NODE_OPTIONS: `--import ${networkModule}` };
  const result = await run(vitest, ["run", "--config", blockVitestConfig, file], { cwd: packageDir, env });
  if (result.timedOut) throw failure(block, block.line, `did not finish within ${BLOCK_TIMEOUT_MS / 1000} s`, result);
  if (result.code !== 0) throw failure(block, block.line, `vitest exited ${result.code ?? result.signal}`, result);
  return result;
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A server block: each command line is started (PORT set to a free port, the README's :4010 pointed
 * at it), must print the http://127.0.0.1:<port> it listens on and accept connections there; then
 * SIGTERM goes to the started process only (not its group), and the port must close and every
 * process of its session be gone. Resolves with one report line per command.
 */
export async function runServer(block, mockUrl) {
  const reports = [];
  for (const { command, index } of commandLines(block.code)) {
    const port = await freePort();
    const target = retarget(command, port);
    const line = block.firstLine + index;
    const simple = !/[;&|<>()`$]/.test(target);
    const child = spawn("bash", ["-c", simple ? `exec ${target}` : target], {
      cwd: blockCwd(block),
      env: { ...blockEnv(mockUrl), PORT: String(port) },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let exited = null;
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code, signal) => (exited = { code, signal }));
    try {
      const started = Date.now();
      let listening;
      while (!listening) {
        if (exited) throw failure(block, line, `\`${command}\` exited (${exited.code ?? exited.signal}) instead of listening`, { stdout: output, stderr: "" });
        if (Date.now() - started > SERVER_START_TIMEOUT_MS)
          throw failure(block, line, `\`${command}\` printed no listening address within ${SERVER_START_TIMEOUT_MS / 1000} s`, { stdout: output, stderr: "" });
        const url = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
        if (url && (await accepts(Number(url[1])))) listening = Number(url[1]);
        else await sleep(100);
      }
      const signalled = Date.now();
      process.kill(child.pid, "SIGTERM");
      let stoppedMs;
      while (stoppedMs === undefined) {
        if (!(await accepts(listening)) && !sessionAlive(child.pid)) stoppedMs = Date.now() - signalled;
        else if (Date.now() - signalled > SERVER_STOP_BOUND_MS) {
          throw failure(
            block,
            line,
            `\`${command}\`: ${SERVER_STOP_BOUND_MS / 1000} s after SIGTERM to its PID, ${(await accepts(listening)) ? `port ${listening} still accepts connections` : "a process it started is still running"}`,
            { stdout: output, stderr: "" },
          );
        } else await sleep(50);
      }
      reports.push(
        `${block.file}:${line} \`${command}\`: listened on ${listening}; stopped ${stoppedMs} ms after SIGTERM to its PID (target < ${STOP_TARGET_MS} ms), nothing left`,
      );
    } finally {
      killSession(child.pid);
    }
  }
  return reports;
}
