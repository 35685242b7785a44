// Benchmarks of the toolkit, run by `pnpm bench` after `turbo run build`. Prints a table and writes
// bench/results.json. Every figure is a ratio or a size measured in this run on this machine; nothing
// here asserts a time (targets are printed beside the figures, for reading, not for failing).
//
//   1. client overhead: @tikhubapi/client call ÷ openapi-fetch's own createClient().GET (which parses the
//      JSON like res.json()) — the goal: the layer over the library it runs on —, ÷ raw fetch +
//      AbortSignal.timeout + res.json(), ÷ bare fetch + res.json(), and openapi-fetch's GET ÷ bare fetch,
//      against a node:http loopback server (child process, 127.0.0.1, port 0) serving the spec's
//      liveGetInfo example; and a paged operation through `.iterate()` ÷ a raw fetch loop over the
//      same pages. Interleaved rounds after a warm-up; the median round ratio is reported.
//   1b. parser: a client call whose answer is 8 MB and 64 MB of JSON with 19-digit ids (a fetch that
//      returns the text, no network): time per MB at both sizes (linear: the ratio stays near 1) and
//      beside a plain JSON.parse of the same text (which would round the ids).
//   2. sizes: the client's core entry min+gzip (its own size-limit check, openapi-fetch's runtime included),
//      the query entry on top of it, beside openapi-fetch alone (same tool).
//   2b. msw: our share of a browser bundle of createHandlers() (esbuild, minified, gzip; msw external:
//      target ≤ 35 kB), beside a whole page (setupWorker + createHandlers()) and msw's setupWorker
//      alone, with msw 2 and msw 3; the slim spec data the handlers carry beside the whole bundle.
//   3. mock: autocannon (10 connections, BENCH_SECONDS per run, default 10 s; runs A B B A) of tikhub-mock (its bin)
//      beside a bare `prism mock -v error` over the same bundled spec, GET /live/info with Basic auth;
//      launch to the first correct 200 (status 200 and code 0, polling every 50 ms), median of 3, and the
//      non-2xx answers seen meanwhile.
//   4. pipeline: cold `turbo run build --force` and warm (full cache) seconds; the contract suite.
//
// Environment: BENCH_SECONDS (autocannon seconds per run, default 10), BENCH_ROUNDS (default 10),
// BENCH_CALLS (calls per variant per round, default 500: 5,000 GETs per variant in all), BENCH_SKIP (comma list of
// client,parser,size,msw,mock,pipeline to leave out).
import { fork, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, freemem, loadavg, release as osRelease, type as osType, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { freePort } from "../scripts/process-group.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const specPath = join(root, "openapi", "dist", "openapi.json");
const clientDir = join(root, "packages", "client");
const mockDir = join(root, "packages", "mock");
const mswDir = join(root, "packages", "msw");
const resultsPath = join(root, "bench", "results.json");

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const WARMUP = Math.max(100, Math.round(CALLS / 2));
const PAGED_PAGES = 5;
const SKIP = new Set(
  (process.env.BENCH_SKIP ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const AUTH = `Basic ${Buffer.from("demo:demo").toString("base64")}`; // Basic ZGVtbzpkZW1v
const LIVE_QUERY = { room_id: "7531095702089370381", user_id: "6796815426174960646" };
const LIVE_PATH = `/live/info?room_id=${LIVE_QUERY.room_id}&user_id=${LIVE_QUERY.user_id}`;
const VIDEO_ID = "7560802497552567582";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 3) => (value == null || Number.isNaN(value) ? null : Number(value.toFixed(digits)));
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const results = {};
const rows = [];
const row = (group, metric, value, unit, target = "", note = "") => rows.push({ group, metric, value, unit, target, note });

// ---------------------------------------------------------------------------------------------
// 1. Client overhead
// ---------------------------------------------------------------------------------------------
/**
 * Times the variants call by call, taking turns (A B C, then C B A, …), so that every variant meets
 * the same moment-to-moment load of a shared machine; a round's figure is the median call × count.
 * (Blocks of calls per variant proved too noisy here: the same build measured 1.03 and 1.13.)
 */
async function interleaved(variants, count, warmup) {
  const names = Object.keys(variants);
  for (let i = 0; i < warmup; i++) for (const name of names) await variants[name]();
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const samples = Object.fromEntries(names.map((name) => [name, new Array(count)]));
    for (let i = 0; i < count; i++) {
      const order = (r + i) % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const started = performance.now();
        await variants[name]();
        samples[name][i] = performance.now() - started;
      }
    }
    for (const name of names) times[name].push(median(samples[name]) * count);
  }
  return times;
}

async function benchClient() {
  const { createTikHubClient } = await import(pathToFileURL(join(clientDir, "dist", "index.js")).href);
  // openapi-fetch itself (the client runs on it), as its own users would call it.
  const openapiFetchModule = await import(pathToFileURL(createRequire(join(clientDir, "package.json")).resolve("openapi-fetch")).href);
  const createOpenapiFetch = openapiFetchModule.default.default ?? openapiFetchModule.default; // its CommonJS build
  const server = fork(join(root, "bench", "server.mjs"), [specPath, String(PAGED_PAGES)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const info = await new Promise((resolve, reject) => {
    server.once("message", resolve);
    server.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const base = `http://127.0.0.1:${info.port}`;
  try {
    const client = createTikHubClient({ baseUrl: base, username: "demo", password: "demo" });
    const headers = { accept: "application/json", authorization: AUTH }; // what the client sends
    const liveUrl = base + LIVE_PATH;

    // Sanity: every variant gets the same example.
    const viaClient = await client.live.getInfo(LIVE_QUERY);
    const viaRaw = await (await fetch(liveUrl, { headers })).json();
    const openapiFetch = createOpenapiFetch({ baseUrl: base, headers });
    const viaGet = await openapiFetch.GET("/live/info", { params: { query: LIVE_QUERY } });
    if (!viaClient?.data?.AnchorABMap || !viaRaw.data?.data?.AnchorABMap || !viaGet.data?.data?.data?.AnchorABMap)
      throw new Error("the variants did not all get the liveGetInfo example");

    log(`client: ${ROUNDS} rounds × ${CALLS} sequential GETs per variant (warm-up ${WARMUP}) on ${base}/live/info`);
    const single = await interleaved(
      {
        raw: async () => {
          const res = await fetch(liveUrl, { headers });
          await res.json();
        },
        // The goal's reference: what a careful user writes by hand, a timeout signal on every request.
        rawWithTimeout: async () => {
          const res = await fetch(liveUrl, { headers, signal: AbortSignal.timeout(60_000) });
          await res.json();
        },
        client: () => client.live.getInfo(LIVE_QUERY),
        openapiFetch: () => openapiFetch.GET("/live/info", { params: { query: LIVE_QUERY } }),
      },
      CALLS,
      WARMUP,
    );
    const clientRatio = median(single.client.map((t, i) => t / single.raw[i]));
    const getRatio = median(single.openapiFetch.map((t, i) => t / single.raw[i]));
    const clientOverTimeoutRatio = median(single.client.map((t, i) => t / single.rawWithTimeout[i]));
    const clientOverOpenapiFetchRatio = median(single.client.map((t, i) => t / single.openapiFetch[i]));
    const perCall = (ms) => (median(ms) / CALLS) * 1000; // µs

    // Paged: a whole walk over PAGED_PAGES pages is one call of each variant.
    let items = 0;
    for await (const _ of client.video.getComments.iterate({ video_id: VIDEO_ID })) items++;
    const expectedItems = info.pages * info.itemsPerPage;
    if (items !== expectedItems) throw new Error(`iterate yielded ${items} items, expected ${expectedItems}`);
    const walks = Math.max(20, Math.round(CALLS / PAGED_PAGES));
    log(`client: ${ROUNDS} rounds × ${walks} walks of ${PAGED_PAGES} pages per variant (.iterate vs raw fetch loop)`);
    const paged = await interleaved(
      {
        raw: async () => {
          const collected = [];
          let offset;
          let body;
          do {
            const res = await fetch(`${base}/video/comments?video_id=${VIDEO_ID}${offset === undefined ? "" : `&offset=${encodeURIComponent(offset)}`}`, {
              headers,
            });
            body = await res.json();
            for (const comment of body.data.comments) collected.push(comment);
            offset = body.data.cursor;
          } while (body.data.has_more === 1 || body.data.has_more === true);
          if (collected.length !== expectedItems) throw new Error("raw walk missed items");
        },
        iterate: async () => {
          const collected = [];
          for await (const comment of client.video.getComments.iterate({ video_id: VIDEO_ID })) collected.push(comment);
          if (collected.length !== expectedItems) throw new Error("iterate missed items");
        },
      },
      walks,
      Math.max(20, Math.round(walks / 2)),
    );
    const pagedRatio = median(paged.iterate.map((t, i) => t / paged.raw[i]));
    const perPage = (ms) => (median(ms) / walks / PAGED_PAGES) * 1000;

    results.client = {
      method: `${ROUNDS} rounds × ${CALLS} sequential GETs per variant, the variants taking turns call by call (order alternating), warm-up ${WARMUP}; a round is the median call; loopback node:http server in a child process; median of the per-round ratios`,
      liveGetInfo: {
        clientOverRaw: round(clientRatio),
        openapiFetchGetOverRaw: round(getRatio),
        clientOverRawWithTimeoutSignal: round(clientOverTimeoutRatio),
        clientOverOpenapiFetchGet: round(clientOverOpenapiFetchRatio),
        microsecondsPerCall: {
          raw: round(perCall(single.raw), 1),
          rawWithTimeoutSignal: round(perCall(single.rawWithTimeout), 1),
          client: round(perCall(single.client), 1),
          openapiFetch: round(perCall(single.openapiFetch), 1),
        },
        roundRatios: {
          clientOverOpenapiFetchGet: single.client.map((t, i) => round(t / single.openapiFetch[i])),
          clientOverRawWithTimeoutSignal: single.client.map((t, i) => round(t / single.rawWithTimeout[i])),
          client: single.client.map((t, i) => round(t / single.raw[i])),
          openapiFetch: single.openapiFetch.map((t, i) => round(t / single.raw[i])),
        },
        target: "client ÷ openapi-fetch's GET (+ its JSON parse) ≤ 1.05",
      },
      paged: {
        operation: "videoGetComments (GET /video/comments), offset/cursor/has_more",
        pagesPerWalk: PAGED_PAGES,
        walksPerRound: walks,
        iterateOverRawLoop: round(pagedRatio),
        microsecondsPerPage: { raw: round(perPage(paged.raw), 1), iterate: round(perPage(paged.iterate), 1) },
        roundRatios: paged.iterate.map((t, i) => round(t / paged.raw[i])),
      },
    };
    row(
      "client",
      "client.live.getInfo ÷ openapi-fetch's own GET (its JSON parse included)",
      round(clientOverOpenapiFetchRatio),
      "×",
      "≤ 1.05",
      `${round(perCall(single.client), 1)} vs ${round(perCall(single.openapiFetch), 1)} µs/call`,
    );
    row(
      "client",
      "client.live.getInfo ÷ fetch+AbortSignal.timeout+res.json()",
      round(clientOverTimeoutRatio),
      "×",
      "",
      `${round(perCall(single.client), 1)} vs ${round(perCall(single.rawWithTimeout), 1)} µs/call`,
    );
    row(
      "client",
      "client.live.getInfo ÷ bare fetch+res.json()",
      round(clientRatio),
      "×",
      "",
      `${round(perCall(single.client), 1)} vs ${round(perCall(single.raw), 1)} µs/call`,
    );
    row("client", "openapi-fetch createClient().GET ÷ bare fetch+res.json()", round(getRatio), "×", "", `${round(perCall(single.openapiFetch), 1)} µs/call`);
    row(
      "client",
      ".iterate() page ÷ raw fetch loop page",
      round(pagedRatio),
      "×",
      "",
      `${round(perPage(paged.iterate), 1)} vs ${round(perPage(paged.raw), 1)} µs/page`,
    );
  } finally {
    server.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Sizes
// ---------------------------------------------------------------------------------------------
function sizeLimit(args, label) {
  const bin = join(clientDir, "node_modules", "size-limit", "bin.js");
  const run = spawnSync(process.execPath, [bin, "--json", ...args], { cwd: clientDir, encoding: "utf8" });
  const start = run.stdout.indexOf("[");
  if (start < 0) throw new Error(`size-limit (${label}) printed no JSON: ${run.stdout}${run.stderr}`);
  const parsed = JSON.parse(run.stdout.slice(start));
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.some((check) => typeof check.size !== "number"))
    throw new Error(`size-limit (${label}) failed: ${run.stdout}`);
  return parsed;
}

async function benchParser() {
  const { createTikHubClient } = await import(pathToFileURL(join(clientDir, "dist", "index.js")).href);
  const item = (i) =>
    `{"id":7531095702089370381,"author_id":6796815426174960646,"n":${i},"text":"${'caf\\u00e9 \\"quoted\\" 1234567890123456789 '.repeat(8)}"}`;
  const bodyOf = (mb) => {
    const one = item(0);
    const count = Math.ceil((mb * 1e6) / (one.length + 1));
    return `{"code":0,"msg":"success","data":{"items":[${Array.from({ length: count }, (_, i) => item(i)).join(",")}]}}`;
  };
  const figures = {};
  for (const mb of [8, 64]) {
    const text = bodyOf(mb);
    const client = createTikHubClient({ baseUrl: "http://127.0.0.1:1", username: "u", password: "p", fetch: async () => new Response(text) });
    const viaClient = [];
    const viaJsonParse = [];
    for (let run = 0; run < 3; run++) {
      let started = performance.now();
      const data = await client.key.getInfo();
      viaClient.push(performance.now() - started);
      if (data.items[0].id !== "7531095702089370381" || data.items.at(-1).author_id !== "6796815426174960646") throw new Error("ids not exact");
      started = performance.now();
      await new Response(text).json();
      viaJsonParse.push(performance.now() - started);
    }
    figures[mb] = { megabytes: round(text.length / 1e6, 1), clientMs: round(median(viaClient), 1), jsonParseMs: round(median(viaJsonParse), 1) };
  }
  const perMb = (f) => f.clientMs / f.megabytes;
  const jsonPerMb = (f) => f.jsonParseMs / f.megabytes;
  results.parser = {
    method: "a client call (key.getInfo) whose fetch returns the text; median of 3 runs per size; beside `new Response(text).json()` (JSON.parse, ids rounded)",
    sizes: figures,
    msPerMbRatio64over8: round(perMb(figures[64]) / perMb(figures[8])),
    jsonParseMsPerMbRatio64over8: round(jsonPerMb(figures[64]) / jsonPerMb(figures[8])),
    clientOverJsonParseAt64: round(figures[64].clientMs / figures[64].jsonParseMs),
  };
  row(
    "parser",
    "ms per MB at 64 MB ÷ at 8 MB (19-digit ids kept exact)",
    results.parser.msPerMbRatio64over8,
    "×",
    "≈ 1 (linear)",
    `${figures[8].clientMs} ms for ${figures[8].megabytes} MB, ${figures[64].clientMs} ms for ${figures[64].megabytes} MB; res.json() alone ${results.parser.jsonParseMsPerMbRatio64over8}×`,
  );
  row("parser", "client call ÷ res.json() at 64 MB", results.parser.clientOverJsonParseAt64, "×", "", `res.json() ${figures[64].jsonParseMs} ms (ids rounded)`);
}

function benchSizes() {
  // The client's own checks: [0] the core entry, [1] the core and query entries together.
  const [client, withQuery] = sizeLimit([], "client");
  const queryOnTop = withQuery.size - client.size;
  const requireFromClient = createRequire(join(clientDir, "package.json"));
  const ofPkgPath = requireFromClient.resolve("openapi-fetch/package.json");
  const ofPkg = JSON.parse(readFileSync(ofPkgPath, "utf8"));
  const ofEntry = join(dirname(ofPkgPath), ofPkg.exports["."].import ?? ofPkg.module);
  const dir = mkdtempSync(join(tmpdir(), "tikhub-bench-size-"));
  let openapiFetch;
  try {
    const config = join(dir, ".size-limit.json");
    writeFileSync(config, JSON.stringify([{ name: "openapi-fetch alone", path: ofEntry, import: "*", gzip: true }]));
    [openapiFetch] = sizeLimit(["--config", config], "openapi-fetch");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.size = {
    method: "size-limit 12 (@size-limit/preset-small-lib: esbuild bundle, minified, gzip) of `import * from` each package's ESM entry",
    clientMinGzipBytes: client.size,
    clientLimitBytes: client.sizeLimit ?? 8500,
    queryEntryOnTopBytes: queryOnTop,
    openapiFetchMinGzipBytes: openapiFetch.size,
    openapiFetchVersion: ofPkg.version,
    clientOverOpenapiFetch: round(client.size / openapiFetch.size, 2),
    target: "core entry (openapi-fetch's runtime included) ≤ 8.5 kB; query entry ≤ 2 kB on top",
  };
  row("size", "client core entry min+gzip (openapi-fetch's runtime included)", round(client.size / 1000, 2), "kB", "≤ 8.5 kB", `${client.size} B`);
  row("size", "@tikhubapi/client/query on top of the core, min+gzip", round(queryOnTop / 1000, 2), "kB", "≤ 2 kB", `${withQuery.size} B both entries`);
  row(
    "size",
    `openapi-fetch ${ofPkg.version} alone min+gzip`,
    round(openapiFetch.size / 1000, 2),
    "kB",
    "",
    `${openapiFetch.size} B; client = ${round(client.size / openapiFetch.size, 2)}×`,
  );
}

// ---------------------------------------------------------------------------------------------
// 2b. MSW handlers: what they add to a browser bundle
// ---------------------------------------------------------------------------------------------
async function benchMsw() {
  const { build } = await import(pathToFileURL(createRequire(join(mswDir, "package.json")).resolve("esbuild")).href);
  const { gzipSync } = await import("node:zlib");
  const handlers = join(mswDir, "dist", "index.js");
  const bundle = async (contents, { mswAlias, external = [] }) => {
    const out = await build({
      stdin: { contents, resolveDir: mswDir, loader: "js" },
      absWorkingDir: mswDir, // where esbuild resolves an alias (msw → msw3)
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "error",
      external,
      ...(mswAlias ? { alias: { msw: mswAlias } } : {}),
    });
    const code = out.outputFiles[0].contents;
    return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  };
  const ours = await bundle(`import { createHandlers } from ${JSON.stringify(handlers)};\nexport const h = createHandlers();\n`, {
    external: ["msw", "msw/*"],
  });
  results.msw = {
    method: "esbuild bundle for the browser, minified, gzip -9",
    oursMinBytes: ours.min,
    oursGzipBytes: ours.gzip,
    target: "≤ 35 kB gzip (msw external)",
  };
  row(
    "msw",
    "@tikhubapi/msw's share: createHandlers(), msw external, min+gzip",
    round(ours.gzip / 1000, 1),
    "kB",
    "≤ 35 kB",
    `${round(ours.min / 1000, 1)} kB min (before @tikhubapi/msw: the whole spec embedded, 186 kB gzip with msw 2)`,
  );
  for (const [major, mswAlias] of [
    ["2", undefined],
    ["3", "msw3"],
  ]) {
    const version = JSON.parse(readFileSync(join(mswDir, "node_modules", mswAlias ?? "msw", "package.json"), "utf8")).version;
    const page = await bundle(
      `import { setupWorker } from "msw/browser";\nimport { createHandlers } from ${JSON.stringify(handlers)};\nexport const w = setupWorker(...createHandlers());\n`,
      { mswAlias },
    );
    const alone = await bundle(
      `import { setupWorker } from "msw/browser";\nimport { http } from "msw";\nexport const w = setupWorker(http.get("/x", () => new Response("")));\n`,
      { mswAlias },
    );
    results.msw[`msw${major}`] = { version, pageGzipBytes: page.gzip, mswAloneGzipBytes: alone.gzip };
    row(
      "msw",
      `setupWorker(...createHandlers()) with msw ${version}, min+gzip`,
      round(page.gzip / 1000, 1),
      "kB",
      "",
      `msw's setupWorker alone ${round(alone.gzip / 1000, 1)} kB; ours adds ${round((page.gzip - alone.gzip) / 1000, 1)} kB`,
    );
  }
  const slimSource = readFileSync(join(mswDir, "src", "generated", "slim-spec.ts"), "utf8");
  const slim = JSON.parse(slimSource.slice(slimSource.indexOf("JSON.parse(") + 11, slimSource.lastIndexOf(")")));
  const full = JSON.stringify(JSON.parse(readFileSync(specPath, "utf8"))); // compact, as it was embedded before
  results.msw.slimSpecBytes = slim.length;
  results.msw.slimSpecGzipBytes = gzipSync(slim, { level: 9 }).length;
  row(
    "msw",
    "spec data the handlers carry (slim) gzip",
    round(results.msw.slimSpecGzipBytes / 1000, 1),
    "kB",
    "",
    `${round(slim.length / 1000, 1)} kB raw; the whole bundled spec (compact) ${round(full.length / 1000, 1)} kB raw, ${round(gzipSync(full, { level: 9 }).length / 1000, 1)} kB gzip`,
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Mock
// ---------------------------------------------------------------------------------------------
function prismEntry() {
  const requireFromMock = createRequire(join(mockDir, "package.json"));
  const pkgJson = requireFromMock.resolve("@stoplight/prism-cli/package.json");
  const { bin, version } = JSON.parse(readFileSync(pkgJson, "utf8"));
  return { entry: join(dirname(pkgJson), typeof bin === "string" ? bin : bin.prism), version };
}

/** The status of one GET (0: no connection), with a 200 counted only when its body is the API's success envelope. */
async function poll(url) {
  try {
    const res = await fetch(url, { headers: { authorization: AUTH }, signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    if (res.status !== 200) return res.status;
    return JSON.parse(text)?.code === 0 ? 200 : -1;
  } catch {
    return 0;
  }
}

/**
 * From the process launch to the first correct 200, polling every 50 ms: resolves with the time and
 * the answers that were not 2xx meanwhile (a refused connection is not an answer).
 */
async function firstCorrect200(url, child, output) {
  const started = performance.now();
  let non2xx = 0;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await poll(url + LIVE_PATH);
    if (status === 200) return { startupMs: performance.now() - started, startupNon2xx: non2xx };
    if (status !== 0) non2xx++;
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output()}`);
    if (Date.now() > deadline) throw new Error(`no correct 200 within 60 s: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function spawnServer(args) {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 3000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  return { child, close, output: () => output };
}

/** Launches a server process on a free port and resolves at its first correct 200 (closing it on failure). */
async function startServer(argsFor) {
  const port = await freePort();
  const server = spawnServer(argsFor(port));
  const url = `http://127.0.0.1:${port}`;
  try {
    return { url, close: server.close, ...(await firstCorrect200(url, server.child, server.output)) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

const startBarePrism = (entry) => startServer((port) => [entry, "mock", specPath, "-h", "127.0.0.1", "-p", String(port), "-v", "error"]);

/** The published bin, launched as a user would: `tikhub-mock --port N`. */
const startTikhubMock = () => startServer((port) => [join(mockDir, "bin", "tikhub-mock.mjs"), "--port", String(port)]);

async function load(url) {
  // Warm-up (Prism compiles its validators on first use), then the measured run.
  await autocannon({ url: url + LIVE_PATH, connections: 10, amount: 500, headers: { authorization: AUTH } });
  const result = await autocannon({ url: url + LIVE_PATH, connections: 10, duration: SECONDS, headers: { authorization: AUTH } });
  return {
    requestsPerSecond: round(result.requests.average, 1),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function benchMock() {
  const prism = prismEntry();
  log(`mock: autocannon 10 connections × ${SECONDS} s on GET /live/info (Basic auth), tikhub-mock and bare prism ${prism.version}, order A B B A`);
  // Both servers run side by side (the idle one costs nothing); the loads alternate A B B A so that
  // neither gets the machine's better or worse moments (other work, CPU boost) alone.
  const servers = { tikhubMock: await startTikhubMock(), barePrism: await startBarePrism(prism.entry) };
  const runs = { tikhubMock: [], barePrism: [] };
  try {
    for (const name of ["tikhubMock", "barePrism", "barePrism", "tikhubMock"]) runs[name].push(await load(servers[name].url));
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  }
  const combine = (list) => ({
    requestsPerSecond: round(list.reduce((sum, r) => sum + r.requestsPerSecond, 0) / list.length, 1),
    // The worse of the two runs: a percentile of two runs is not the mean of their percentiles.
    latencyMs: Object.fromEntries(["p50", "p90", "p99", "max"].map((k) => [k, Math.max(...list.map((r) => r.latencyMs[k]))])),
    total: list.reduce((sum, r) => sum + r.total, 0),
    non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
    timeouts: list.reduce((sum, r) => sum + r.timeouts, 0),
    runs: list.map((r) => ({ requestsPerSecond: r.requestsPerSecond, p50: r.latencyMs.p50, p99: r.latencyMs.p99 })),
  });
  const measured = { tikhubMock: combine(runs.tikhubMock), barePrism: combine(runs.barePrism) };

  log("mock: launch to first correct 200 (polling every 50 ms), 3 times each");
  const startups = { tikhubMock: [], barePrism: [] };
  const startupNon2xx = { tikhubMock: 0, barePrism: 0 };
  for (let i = 0; i < 3; i++) {
    for (const [name, start] of [
      ["tikhubMock", () => startTikhubMock()],
      ["barePrism", () => startBarePrism(prism.entry)],
    ]) {
      const server = await start();
      startups[name].push(server.startupMs);
      startupNon2xx[name] += server.startupNon2xx;
      await server.close();
    }
  }
  const ratio = measured.tikhubMock.requestsPerSecond / measured.barePrism.requestsPerSecond;
  results.mock = {
    method: `autocannon, 10 connections, 2 runs of ${SECONDS} s per server in the order A B B A, each after 500 warm-up requests; GET ${LIVE_PATH} with Authorization: ${AUTH}; req/s is the mean of the runs, latencies the worse run's`,
    prismCliVersion: prism.version,
    tikhubMock: {
      ...measured.tikhubMock,
      startupMsMedian: round(median(startups.tikhubMock), 0),
      startupMs: startups.tikhubMock.map((v) => round(v, 0)),
      startupNon2xx: startupNon2xx.tikhubMock,
    },
    barePrism: {
      ...measured.barePrism,
      startupMsMedian: round(median(startups.barePrism), 0),
      startupMs: startups.barePrism.map((v) => round(v, 0)),
      startupNon2xx: startupNon2xx.barePrism,
    },
    tikhubOverPrismThroughput: round(ratio),
    target: "throughput ratio ≥ 1.0, p99 ≤ 20 ms",
  };
  const t = results.mock.tikhubMock;
  const p = results.mock.barePrism;
  row("mock", "tikhub-mock req/s ÷ bare prism req/s", round(ratio), "×", "≥ 1.0", `${t.requestsPerSecond} vs ${p.requestsPerSecond} req/s`);
  row(
    "mock",
    "tikhub-mock latency p50 / p99",
    `${t.latencyMs.p50} / ${t.latencyMs.p99}`,
    "ms",
    "p99 ≤ 20 ms",
    `non-2xx ${t.non2xx}, errors ${t.errors}, ${t.total} requests`,
  );
  row(
    "mock",
    "bare prism latency p50 / p99",
    `${p.latencyMs.p50} / ${p.latencyMs.p99}`,
    "ms",
    "",
    `non-2xx ${p.non2xx}, errors ${p.errors}, ${p.total} requests`,
  );
  row(
    "mock",
    "launch to first correct 200, tikhub-mock",
    t.startupMsMedian,
    "ms",
    "< 3000 ms",
    `median of 3: ${t.startupMs.join(", ")}; non-2xx while starting: ${t.startupNon2xx}`,
  );
  row(
    "mock",
    "launch to first correct 200, bare prism",
    p.startupMsMedian,
    "ms",
    "",
    `median of 3: ${p.startupMs.join(", ")}; non-2xx while starting: ${p.startupNon2xx}`,
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Pipeline
// ---------------------------------------------------------------------------------------------
function timed(command, args, options = {}) {
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return { seconds: (performance.now() - started) / 1000, status: run.status, output: `${run.stdout ?? ""}${run.stderr ?? ""}` };
}

function benchPipeline() {
  const turbo = join(root, "node_modules", ".bin", "turbo");
  log("pipeline: cold turbo run build --force (bundle → generate → build, no cache)");
  const cold = timed(turbo, ["run", "build", "--force", "--output-logs=errors-only"]);
  const warm = [];
  let fullTurbo = 0;
  for (let i = 0; i < 3; i++) {
    const run = timed(turbo, ["run", "build", "--output-logs=errors-only"]);
    warm.push(run.seconds);
    if (run.status === 0 && /FULL TURBO/.test(run.output)) fullTurbo++;
  }
  results.pipeline = {
    coldBuildSeconds: cold.status === 0 ? round(cold.seconds, 2) : null,
    coldBuildError: cold.status === 0 ? undefined : cold.output.slice(-2000),
    tasks: /Tasks:\s+(\d+) successful, (\d+) total/.exec(cold.output)?.slice(1, 3).join("/") ?? null,
    warmBuildSecondsMedian: round(median(warm), 2),
    warmBuildSeconds: warm.map((v) => round(v, 2)),
    warmRunsFullTurbo: `${fullTurbo}/3`,
  };
  row(
    "pipeline",
    "cold build (turbo --force: bundle→generate→build)",
    results.pipeline.coldBuildSeconds ?? "failed",
    "s",
    "",
    results.pipeline.tasks ? `${results.pipeline.tasks} tasks` : "",
  );
  row(
    "pipeline",
    "warm build (full cache)",
    results.pipeline.warmBuildSecondsMedian,
    "s",
    "",
    `median of 3; FULL TURBO ${fullTurbo}/3${fullTurbo < 3 ? " (inputs changed meanwhile?)" : ""}`,
  );

  const contractPkg = join(root, "packages", "contract-tests", "package.json");
  if (existsSync(contractPkg) && JSON.parse(readFileSync(contractPkg, "utf8")).scripts?.test) {
    log("pipeline: contract suite (pnpm --filter @tikhubapi/contract-tests test)");
    const suite = timed("pnpm", ["--filter", "@tikhubapi/contract-tests", "test"]);
    const counts = /Tests\s+(.+?)\s*\(/.exec(suite.output)?.[1]?.trim() ?? null;
    results.pipeline.contractSuite = {
      seconds: round(suite.seconds, 2),
      exitCode: suite.status,
      tests: counts,
      tail: suite.status === 0 ? undefined : suite.output.slice(-1500),
    };
    row("pipeline", "contract suite", round(suite.seconds, 2), "s", "", suite.status === 0 ? (counts ?? "passed") : `FAILED (exit ${suite.status})`);
  } else {
    results.pipeline.contractSuite = null;
    row("pipeline", "contract suite", "n/a", "", "", "no @tikhubapi/contract-tests test script");
  }
}

// ---------------------------------------------------------------------------------------------
function printTable() {
  const header = { group: "group", metric: "metric", value: "value", unit: "unit", target: "target", note: "measured" };
  const all = [header, ...rows.map((r) => ({ ...r, value: String(r.value) }))];
  const width = (key) => Math.max(...all.map((r) => String(r[key]).length));
  const keys = Object.keys(header);
  const widths = Object.fromEntries(keys.map((k) => [k, width(k)]));
  const line = (r) =>
    keys
      .map((k) => String(r[k]).padEnd(widths[k]))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(keys.map((k) => "-".repeat(widths[k])).join("  "));
  for (const r of all.slice(1)) console.log(line(r));
}

if (!existsSync(specPath)) {
  console.error("bench: openapi/dist/openapi.json is missing: run `pnpm build` (or `pnpm bench`, which builds first)");
  process.exit(1);
}
const cpu = cpus();
results.machine = {
  node: process.version,
  os: `${osType()} ${osRelease()}`,
  cpu: cpu[0]?.model,
  cores: cpu.length,
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  freeMemoryGiB: round(freemem() / 2 ** 30, 1),
  loadAverageBefore: loadavg().map((v) => round(v, 2)),
};
if (loadavg()[0] > cpu.length / 2)
  log(`the machine is busy (1-min load average ${loadavg()[0].toFixed(2)} on ${cpu.length} cores): ratios will be noisier than usual`);
results.date = new Date().toISOString();
results.settings = { BENCH_SECONDS: SECONDS, BENCH_ROUNDS: ROUNDS, BENCH_CALLS: CALLS, skipped: [...SKIP] };

const failures = [];
for (const [name, fn] of [
  ["client", benchClient],
  ["parser", benchParser],
  ["size", benchSizes],
  ["msw", benchMsw],
  ["mock", benchMock],
  ["pipeline", benchPipeline],
]) {
  if (SKIP.has(name)) continue;
  try {
    await fn();
  } catch (error) {
    failures.push(name);
    results[name] = { error: String(error?.stack ?? error) };
    row(name, "(benchmark failed)", "error", "", "", String(error?.message ?? error).split("\n")[0]);
  }
}
results.machine.loadAverageAfter = loadavg().map((v) => round(v, 2));
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nTikHub toolkit benchmarks — ${results.machine.cpu} × ${results.machine.cores}, Node ${process.version}, ${results.date}\n`);
printTable();
console.log(
  `\nload average (1 min) ${results.machine.loadAverageBefore[0]} before, ${results.machine.loadAverageAfter[0]} after, on ${results.machine.cores} cores; wrote bench/results.json${failures.length ? `; could not run: ${failures.join(", ")}` : ""}`,
);
// A benchmark that could not run at all is an error of the harness, not a slow result.
process.exitCode = failures.length ? 1 : 0;
