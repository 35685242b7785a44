// `pnpm tikhub <section> <method> …`: the CLI from a clone. Builds it if needed (silently; turbo's
// log only if the build fails), then runs it in this process with the arguments as given.
import { quietBuild } from "./quiet-build.mjs";

const status = await quietBuild(["@tikhubapi/cli"], "the CLI");
if (status !== 0) process.exit(status);
process.argv = [process.argv[0], "tikhub", ...process.argv.slice(2)];
await import("../packages/cli/dist/cli.js");
