// Loopback HTTP server for the client-overhead benchmark, run as a child process of bench/run.mjs
// (so its work does not share the measured event loop). Listens on 127.0.0.1, port 0, and tells its
// parent the port over IPC. Serves, as precomputed bytes:
//   GET /live/info        → the liveGetInfo 200 example of the bundled spec
//   GET /video/comments   → page k of PAGES pages built from the videoGetComments example:
//                           ?offset=<cursor> selects the page, has_more is 1 until the last page
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const specPath = process.argv[2];
const PAGES = Number(process.argv[3] ?? 5);
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const examples = spec.components.examples;

const liveInfo = Buffer.from(JSON.stringify(examples.liveGetInfo.value));
const commentsExample = examples.videoGetComments.value;
const STEP = 20;
const pages = Array.from({ length: PAGES }, (_, k) =>
  Buffer.from(
    JSON.stringify({
      ...commentsExample,
      data: { ...commentsExample.data, cursor: (k + 1) * STEP, has_more: k < PAGES - 1 ? 1 : 0 },
    }),
  ),
);

const notFound = Buffer.from(JSON.stringify({ code: 404, msg: "not found", data: null }));

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

const server = createServer((req, res) => {
  const q = req.url.indexOf("?");
  const path = q < 0 ? req.url : req.url.slice(0, q);
  if (path === "/live/info") return send(res, 200, liveInfo);
  if (path === "/video/comments") {
    const offset = Number(new URLSearchParams(q < 0 ? "" : req.url.slice(q + 1)).get("offset") ?? 0);
    const page = pages[Math.floor(offset / STEP)];
    return page ? send(res, 200, page) : send(res, 404, notFound);
  }
  send(res, 404, notFound);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port, pages: PAGES, itemsPerPage: commentsExample.data.comments.length }));
process.on("disconnect", () => server.close(() => process.exit(0)));
