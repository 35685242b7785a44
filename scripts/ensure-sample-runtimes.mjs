// The code-sample test (docs/test/samples.test.mjs) runs curl, Python with `requests` and Java (javac +
// java, 11 or newer for java.net.http). Finds them, or installs the missing Debian packages where we are
// root with apt-get (as ensure-browser.mjs does for Chromium); elsewhere it says what to install.
import { execFileSync, spawnSync } from "node:child_process";

const RUNTIMES = [
  { name: "curl", check: ["curl", ["--version"]], debian: "curl" },
  { name: "Python 3 with requests", check: ["python3", ["-c", "import requests"]], debian: "python3-requests" },
  { name: "a JDK (javac)", check: ["javac", ["-version"]], debian: "default-jdk-headless" },
  { name: "a Java runtime (java)", check: ["java", ["-version"]], debian: "default-jdk-headless" },
];

const present = ({ check: [command, args] }) => spawnSync(command, args, { stdio: "ignore" }).status === 0;

export function ensureSampleRuntimes() {
  let missing = RUNTIMES.filter((r) => !present(r));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((r) => r.debian))];
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`missing ${missing.map((r) => r.name).join(", ")}: install Debian's ${packages.join(" ")} (sudo apt-get install -y ${packages.join(" ")})`);
  }
  console.log(`ensure-sample-runtimes: installing Debian's ${packages.join(" ")} (apt-get) for the code-sample test…`);
  execFileSync("sh", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")} >/dev/null`], {
    stdio: "inherit",
  });
  missing = RUNTIMES.filter((r) => !present(r));
  if (missing.length > 0) throw new Error(`apt-get finished but ${missing.map((r) => r.name).join(", ")} still missing`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureSampleRuntimes();
    console.log("ensure-sample-runtimes: curl, python3 (requests), javac and java are present");
  } catch (error) {
    console.error(`ensure-sample-runtimes: ${error.message}`);
    process.exit(1);
  }
}
