// The README's "Running the tests" promise: a missing prerequisite stops `pnpm test` at once with a
// message naming it and how to install it (never a silent skip).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "./run-block.mjs";

// A PATH with Node only: no curl, python3, javac, java, sh or apt-get.
const nodeOnly = mkdtempSync(join(tmpdir(), "readme-tests-path-"));
symlinkSync(process.execPath, join(nodeOnly, "node"));
afterAll(() => rmSync(nodeOnly, { recursive: true, force: true }));

const script = (name) => join(repoRoot, "scripts", name);

it("pnpm test with none of the four stops before any test, naming each and the install lines", () => {
  const result = spawnSync(process.execPath, [script("run-tests.mjs")], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { HOME: process.env.HOME, PATH: nodeOnly, CHROMIUM_PATH: join(nodeOnly, "no-chromium") },
  });
  expect(result.status).toBe(1);
  for (const tool of ["Chromium", "curl", "Python 3 with requests", "a JDK 11 or newer (javac and java)"]) expect(result.stderr).toContain(`- ${tool}`);
  expect(result.stderr).toContain("Debian/Ubuntu: sudo apt-get install -y chromium curl python3-requests default-jdk-headless");
  expect(result.stderr).toContain("brew install");
  expect(result.stdout).not.toContain("Tasks:"); // turbo never started
});

it("a single missing tool is the only one named", () => {
  const result = spawnSync(process.execPath, [script("check-prerequisites.mjs"), "--check-only"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, CHROMIUM_PATH: join(nodeOnly, "no-chromium") },
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`- Chromium (at ${join(nodeOnly, "no-chromium")}`);
  expect(result.stderr).not.toMatch(/- (curl|Python|a JDK)/);
  expect(result.stderr).toContain("sudo apt-get install -y chromium\n");
});

it("with everything installed, the check passes", () => {
  const result = spawnSync(process.execPath, [script("check-prerequisites.mjs"), "--check-only"], { cwd: repoRoot, encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

it("a browser test whose Chromium is missing fails naming the path and the install line, without launching anything", () => {
  const missing = join(nodeOnly, "no-chromium");
  const program = `import { launchChromium } from ${JSON.stringify(script("ensure-browser.mjs"))};
let launched = false;
try {
  await launchChromium({ launch: async () => { launched = true; } });
  console.log("no error");
} catch (error) {
  console.log(JSON.stringify({ message: error.message, launched }));
}`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", program], {
    encoding: "utf8",
    env: { ...process.env, CHROMIUM_PATH: missing },
  });
  expect(result.stderr).toBe("");
  expect(JSON.parse(result.stdout)).toEqual({
    message: `Chromium not found at ${missing}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    launched: false,
  });
});
