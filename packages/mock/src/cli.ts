import { parseArgs } from "node:util";
import { normaliseScenarios, ScenarioOptionError } from "@tikhubapi/mock-behaviour";
import { PortInUseError } from "./ports.js";
import { MockStartError, startMock } from "./start-mock.js";
import { watchLauncher } from "./watch-launcher.js";

const USAGE = `Usage: tikhub-mock [--port 4010] [--host 127.0.0.1] [--dynamic] [--proxy <upstream-url>]
                   [--latency MS|MIN-MAX] [--rate-limit N] [--fail-rate P]

  --port        port to listen on (default: $PORT or 4010; 0 picks a free one)
  --host        interface to bind (default 127.0.0.1)
  --dynamic     answer with data generated from the schemas instead of the examples
  --proxy       forward to the real API (e.g. https://api.tikhubapi.com/api/v1) and report
                every answer that violates the spec
  --latency     delay every answer: MS (e.g. 300) or a range MIN-MAX (e.g. 100-800)
  --rate-limit  at most N requests per second per credential; beyond, the documented 429
                with Retry-After (whole seconds)
  --fail-rate   share P (0-1) of requests answered with the documented 500 (e.g. 0.1)
  -h, --help    this help`;

function fail(message: string, code = 2): never {
  process.stderr.write(`tikhub-mock: ${message}\n`);
  process.exit(code);
}

const parseOptions = (args: string[]) =>
  parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      dynamic: { type: "boolean" },
      proxy: { type: "string" },
      latency: { type: "string" },
      "rate-limit": { type: "string" },
      "fail-rate": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let values: ReturnType<typeof parseOptions>["values"];
  try {
    ({ values } = parseOptions(argv));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const portText = values.port ?? process.env.PORT ?? "4010";
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) fail(`--port must be a number from 0 to 65535, got "${portText}"`);
  const host = values.host ?? "127.0.0.1";
  // When `pnpm mock` or `npx tikhub-mock` is stopped with SIGTERM, the signal never reaches this
  // process: stop when the launcher goes away (see watch-launcher.ts).
  watchLauncher(() => process.kill(process.pid, "SIGTERM"));
  let scenarios: ReturnType<typeof normaliseScenarios>;
  try {
    scenarios = normaliseScenarios({ latency: values.latency, rateLimit: values["rate-limit"], failRate: values["fail-rate"] });
  } catch (error) {
    if (error instanceof ScenarioOptionError) fail(error.message);
    throw error;
  }
  if (values.proxy !== undefined && !/^https?:\/\/[^/]/.test(values.proxy)) fail(`--proxy must be an http(s) URL, got "${values.proxy}"`);
  if (values.proxy && Object.keys(scenarios).length > 0) fail("--latency, --rate-limit and --fail-rate apply to the mock, not to --proxy");

  let mock: Awaited<ReturnType<typeof startMock>>;
  try {
    mock = await startMock({
      port: Number(portText),
      host,
      dynamic: values.dynamic,
      proxy: values.proxy,
      ...scenarios,
      onLog: values.proxy ? (line) => process.stdout.write(`${line}\n`) : undefined,
    });
  } catch (error) {
    if (error instanceof PortInUseError || error instanceof MockStartError) fail(error.message, 1);
    throw error;
  }
  // The handlers go in before the listening line: a launcher that reads the line and at once sends
  // SIGINT (a test, a process manager) must find them there, even on a loaded machine.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await mock.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const mode = [
    values.proxy ? `proxying to ${values.proxy}, reporting spec violations` : values.dynamic ? "dynamic data" : "spec examples",
    ...describeScenarios(scenarios),
  ].join(", ");
  // One write: whoever waits for the listening line gets the hint with it.
  process.stdout.write(
    `TikHub mock listening on ${mock.url} (${mode})\n` +
      (values.proxy
        ? `Requests go to the upstream with your Authorization header; answers that violate the spec are reported below (and in each answer's sl-violations header).\n`
        : `Try: curl -u demo:demo '${mock.url}/live/info?room_id=7531095702089370381&user_id=6796815426174960646'  ·  pick an error with -H 'Prefer: code=429' or ?__code=429 (400, 401, 428, 429, 500)\n`),
  );
}

function describeScenarios(s: ReturnType<typeof normaliseScenarios>): string[] {
  const parts: string[] = [];
  if (s.latency) parts.push(`latency ${s.latency.minMs === s.latency.maxMs ? s.latency.minMs : `${s.latency.minMs}-${s.latency.maxMs}`} ms`);
  if (s.rateLimit !== undefined) parts.push(`rate limit ${s.rateLimit}/s per credential`);
  if (s.failRate !== undefined) parts.push(`fail rate ${s.failRate}`);
  return parts;
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error), 1));
