// What `pnpm test` needs besides Node and the workspace's packages, checked before anything runs:
// Chromium (browser tests), curl, Python 3 with requests and a JDK ≥ 11 (the docs' code samples).
// A missing one stops `pnpm test` with a message naming it and how to install it; nothing is skipped.
// As root on a system with apt-get (a CI container), the Debian packages are installed instead.
//
//   node scripts/check-prerequisites.mjs               check, install as root with apt-get, else fail
//   node scripts/check-prerequisites.mjs --check-only  check and fail, never install
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPath } from "./ensure-browser.mjs";

const run = (command, args) => spawnSync(command, args, { encoding: "utf8" });

function javaMajor(command) {
  const result = run(command, ["-version"]);
  if (result.error || result.status !== 0) return 0;
  const version = /(?:javac|version)\s+"?(\d+)(?:\.(\d+))?/.exec(`${result.stdout}${result.stderr}`);
  if (!version) return 0;
  return version[1] === "1" ? Number(version[2]) : Number(version[1]);
}

const PREREQUISITES = [
  {
    key: "chromium",
    name: `Chromium (at ${chromiumPath}; set CHROMIUM_PATH for another browser binary)`,
    present: () => existsSync(chromiumPath),
    debian: "chromium",
    macos: "brew install --cask chromium, then export CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium",
  },
  { key: "curl", name: "curl", present: () => run("curl", ["--version"]).status === 0, debian: "curl", macos: "preinstalled (or brew install curl)" },
  {
    key: "python",
    name: "Python 3 with requests",
    present: () => run("python3", ["-c", "import requests"]).status === 0,
    debian: "python3-requests",
    macos: "brew install python, then python3 -m pip install requests",
  },
  {
    key: "jdk",
    name: "a JDK 11 or newer (javac and java)",
    present: () => javaMajor("javac") >= 11 && javaMajor("java") >= 11,
    debian: "default-jdk-headless",
    macos: "brew install openjdk (and put its bin/ on PATH, as brew info openjdk says)",
  },
];

/** The prerequisites (all, or those whose `key` is in `only`) that are not present. */
function missingPrerequisites(only) {
  return PREREQUISITES.filter((p) => (!only || only.includes(p.key)) && !p.present());
}

/** The Debian packages that provide `missing`, space-separated, each once. */
const debianPackages = (missing) => [...new Set(missing.map((p) => p.debian))].join(" ");

function describeMissing(missing) {
  return [
    `pnpm test needs ${missing.length === 1 ? "a tool that is" : "tools that are"} missing here:`,
    ...missing.map((p) => `  - ${p.name}   (macOS: ${p.macos})`),
    `Debian/Ubuntu: sudo apt-get install -y ${debianPackages(missing)}`,
    "See “Running the tests” in README.md.",
  ].join("\n");
}

/**
 * Checks (all, or the keys in `only`); as root with apt-get (unless checkOnly) installs what is
 * missing; returns the message for what is still missing, or undefined.
 */
export function ensurePrerequisites({ checkOnly = false, only } = {}) {
  let missing = missingPrerequisites(only);
  if (missing.length === 0) return undefined;
  const isRoot = process.getuid?.() === 0;
  const hasApt = run("sh", ["-c", "command -v apt-get"]).status === 0;
  const chromiumElsewhere = process.env.CHROMIUM_PATH && missing.some((p) => p.debian === "chromium");
  if (!checkOnly && isRoot && hasApt && !chromiumElsewhere) {
    const packages = debianPackages(missing);
    console.error(`check-prerequisites: installing Debian's ${packages} (apt-get, running as root) for pnpm test…`);
    execFileSync("sh", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages} >/dev/null`], { stdio: "inherit" });
    missing = missingPrerequisites(only);
    if (missing.length === 0) return undefined;
  }
  return describeMissing(missing);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const message = ensurePrerequisites({ checkOnly: process.argv.includes("--check-only") });
  if (message) {
    console.error(`check-prerequisites: ${message}`);
    process.exit(1);
  }
  console.log("check-prerequisites: Chromium, curl, Python 3 with requests and a JDK ≥ 11 are present");
}
