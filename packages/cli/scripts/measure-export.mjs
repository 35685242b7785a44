// Measures export throughput: serves PAGES pages × PAGE_SIZE followers on 127.0.0.1 (items shaped
// like the spec's userGetFollowers example, 64-bit uids as bare JSON numbers), runs the built
// `tikhub export user get-followers` against it RUNS times, and prints items/s. Figures only: nothing
// is asserted. Usage: pnpm build && node scripts/measure-export.mjs [pages] [pageSize] [runs]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PAGES = Number(process.argv[2] ?? 200);
const PAGE_SIZE = Number(process.argv[3] ?? 50);
const RUNS = Number(process.argv[4] ?? 3);
const BIN = fileURLToPath(new URL("../bin/tikhub.mjs", import.meta.url));
const SPEC = fileURLToPath(new URL("../../../openapi/dist/openapi.json", import.meta.url));

const spec = JSON.parse(readFileSync(SPEC, "utf8"));
const template = spec.components.examples.userGetFollowers.value.data.followers[0];
const FIRST = 1_748_390_412;

/** Page bodies are built once: the figure is the CLI's, not the server's. */
const bodies = Array.from({ length: PAGES }, (_, page) => {
  const items = Array.from({ length: PAGE_SIZE }, (_, i) => {
    const n = page * PAGE_SIZE + i;
    const json = JSON.stringify({ ...template, uid: "UID", unique_id: `follower_${n}` });
    return json.replace('"UID"', (7_000_000_000_000_000_000n + BigInt(n)).toString());
  });
  return `{"code":0,"msg":"success","data":{"followers":[${items.join(",")}],"min_time":${FIRST - (page + 1) * 60},"has_more":${page < PAGES - 1},"total":${PAGES * PAGE_SIZE}}}`;
});

let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const offset = Number(new URL(req.url, "http://x").searchParams.get("offset") ?? 0);
  const page = offset === 0 ? 0 : (FIRST - offset) / 60;
  const body = bodies[page];
  if (body === undefined) {
    res.writeHead(400, { "content-type": "application/json" }).end('{"code":400,"msg":"bad cursor","data":null}');
    return;
  }
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}`;
const dir = mkdtempSync(join(tmpdir(), "tikhub-measure-"));

function exportOnce(out) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, "export", "user", "get-followers", "--user-id", "6804496986206749701", "--out", out, "--base-url", url], {
      env: { ...process.env, TIKHUB_USERNAME: "demo", TIKHUB_PASSWORD: "demo" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`export exited ${code}: ${stderr}`));
      else resolve({ seconds, reported: /\(([\d,]+) items\/s\)/.exec(stderr)?.[1] });
    });
  });
}

const items = PAGES * PAGE_SIZE;
console.log(`export of ${PAGES} pages × ${PAGE_SIZE} items = ${items} items from ${url} (Node ${process.version}, ${RUNS} runs)`);
try {
  for (let runNo = 1; runNo <= RUNS; runNo++) {
    const out = join(dir, `run-${runNo}.jsonl`);
    requests = 0;
    const { seconds, reported } = await exportOnce(out);
    const lines = readFileSync(out, "utf8").split("\n").filter(Boolean).length;
    const mb = statSync(out).size / 1e6;
    console.log(
      `run ${runNo}: ${lines} lines, ${mb.toFixed(1)} MB, ${requests} requests in ${seconds.toFixed(2)} s wall (process start included) = ` +
        `${Math.round(lines / seconds).toLocaleString("en-US")} items/s; the CLI reports ${reported} items/s`,
    );
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
