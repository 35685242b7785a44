// `pnpm mock` / `pnpm start`: build (the mock's packages, or everything), then run the mock's CLI
// in this very process, so the process pnpm started is the mock and nothing else needs stopping.
//   pnpm mock --latency 100-800 --rate-limit 5 --fail-rate 0.1    (arguments go to tikhub-mock)
// The mock stops on SIGINT/SIGTERM (its CLI's handlers) and also when its launcher (pnpm, or the
// shell pnpm runs the script in) goes away (packages/mock/src/watch-launcher.ts). While building,
// the same: pnpm relays SIGINT/SIGTERM here (pnpm before 12.6 killed the shell instead, which
// re-parents this process: the ppid watch below).
import { quietBuild } from "./quiet-build.mjs";

const [mode, ...rest] = process.argv.slice(2);
if (mode !== "--build=mock" && mode !== "--build=all") {
  process.stderr.write(`run-mock: the first argument must be --build=mock or --build=all, got ${JSON.stringify(mode)}\n`);
  process.exit(2);
}
// pnpm 12 hands the script every word after its name, `--` included; `pnpm mock -- --port 4020`
// (the npm habit) means the same as `pnpm mock --port 4020`.
const mockArgs = rest[0] === "--" ? rest.slice(1) : rest;

const build = {};
const stopBuild = (code) => {
  build.child?.kill("SIGTERM");
  process.exit(code);
};
process.on("SIGINT", () => stopBuild(130));
process.on("SIGTERM", () => stopBuild(143));
const launcher = process.ppid;
const watch = setInterval(() => process.ppid !== launcher && stopBuild(143), 200);

const status = await quietBuild(mode === "--build=all" ? [] : ["@tikhubapi/mock"], mode === "--build=all" ? "every package" : "the mock", build);
if (status !== 0) process.exit(status);
clearInterval(watch);
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.argv = [process.argv[0], "tikhub-mock", ...mockArgs];
await import("../packages/mock/dist/cli.js");
