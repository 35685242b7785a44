import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The JS entry of the pinned Prism CLI, run with this Node (no shell, no npx). */
export function prismEntry(): string {
  const pkgJson = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(pkgJson) as { bin: string | Record<string, string> };
  return join(dirname(pkgJson), typeof bin === "string" ? bin : bin.prism);
}

export interface PrismArgs {
  specPath: string;
  host: string;
  port: number;
  dynamic?: boolean;
  /** Proxy every request to this upstream and validate its answers against the spec. */
  proxyUrl?: string;
  /** Prism's log level: error keeps the mock fast; proxy mode uses warn to print violations. */
  logLevel?: "error" | "warn" | "info";
}

export function spawnPrism(args: PrismArgs): ChildProcess {
  const argv = args.proxyUrl
    ? ["proxy", args.specPath, args.proxyUrl, "--errors=false", "--validate-request=false"]
    : ["mock", args.specPath, ...(args.dynamic ? ["--dynamic"] : [])];
  argv.push("--host", args.host, "--port", String(args.port), "--cors", "-v", args.logLevel ?? (args.proxyUrl ? "warn" : "error"));
  return spawn(process.execPath, [prismEntry(), ...argv], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
}
