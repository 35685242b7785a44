// Builds the browsable API reference: docs/dist/index.html, made by Redocly's `build-docs` from
// the bundled spec (openapi/dist/openapi.json) with a quick start put on top of info.description.
// No operation is written by hand here: every section and example comes from the spec.
//
// The page is self-contained and works offline: Redoc's scripts are inlined (--inlineBundle; without
// it build-docs loads them from a CDN), the only remote asset Redoc still references (the
// "API docs by Redocly" logo image) is replaced with an inline SVG, and the build fails if the
// output still points a <script>, stylesheet or font at the network.
// Usage: node scripts/docs-build.mjs   (root: `pnpm run docs`, which bundles the spec first; a bare `pnpm docs` is pnpm's own command)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { bundlePath, repoRoot, runRedocly } from "./run-redocly.mjs";

const distDir = join(repoRoot, "docs", "dist");
const htmlPath = join(distDir, "index.html");
const specOut = join(distDir, "openapi.json");

const QUICK_START = `## Quick start

Install the typed client (Node 18+, ESM or CommonJS; any runtime with \`fetch\`):

\`\`\`sh
npm install @tikhubapi/client
\`\`\`

Every operation below is a method named after its section and operationId, with its query
parameters as one object (required ones required by the types). The method returns the
envelope's \`data\`; 64-bit ids come back as exact strings.

\`\`\`ts
import { createTikHubClient } from "@tikhubapi/client";

// Credentials default to the TIKHUB_USERNAME / TIKHUB_PASSWORD environment variables.
const client = createTikHubClient({ username: "you", password: "…" });

const live = await client.live.getInfo({ room_id: "7531095702089370381", user_id: "6796815426174960646" });
console.log(live.data.id_str, live.data.title);

// Paged lists: every item of every page, cursors handled for you.
for await (const comment of client.video.getComments.iterate({ video_id: "7560802497552567582" }, { maxPages: 3 })) {
  console.log(comment.text);
}
\`\`\`

No account yet? Run the local mock, which answers every operation with the examples on this page,
and point the client at it:

\`\`\`sh
npx @tikhubapi/mock            # TikHub mock listening on http://127.0.0.1:4010
curl -u demo:demo 'http://127.0.0.1:4010/live/info?room_id=7531095702089370381&user_id=6796815426174960646'
\`\`\`

\`\`\`ts
const client = createTikHubClient({ baseUrl: "http://127.0.0.1:4010", username: "demo", password: "demo" });
\`\`\`

Errors are typed (\`AuthenticationError\`, \`RateLimitError\`, \`SessionExpiredError\`, …); rate limits and
server errors are retried with back-off. The API's own description follows.

## About this API

`;

// Small stand-in for Redoc's remote attribution logo (same words, no network).
const LOGO_SVG = (text, width) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">${text}</text></svg>`,
  )}`;
const REMOTE_ASSETS = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": LOGO_SVG("Redocly", 52),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": LOGO_SVG("R", 10),
};

function fail(message) {
  console.error(`docs-build: ${message}`);
  process.exit(1);
}

if (!existsSync(bundlePath)) fail(`${relative(repoRoot, bundlePath)} is missing: run \`pnpm bundle\` (or \`pnpm docs\`, which bundles first)`);
const spec = JSON.parse(readFileSync(bundlePath, "utf8"));
spec.info = { ...spec.info, description: QUICK_START + (spec.info?.description ?? "") };

mkdirSync(distDir, { recursive: true });
writeFileSync(specOut, `${JSON.stringify(spec, null, 2)}\n`);

const started = Date.now();
const { status, output } = runRedocly([
  "build-docs",
  specOut,
  "--output",
  htmlPath,
  "--inlineBundle",
  "--title",
  `${spec.info.title ?? "API"} — API reference`,
  "--lint-config",
  "off",
]);
if (status !== 0) fail(`redocly build-docs failed (exit ${status}):\n${output}`);

let html = readFileSync(htmlPath, "utf8");
for (const [url, replacement] of Object.entries(REMOTE_ASSETS)) html = html.split(url).join(replacement);
writeFileSync(htmlPath, html);

// Anything that would make the browser fetch code, styles or fonts from the network.
const remote = [
  ...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?[^"'\s>]+/gi),
  ...html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi),
  ...html.matchAll(/@import\s+(?:url\()?["']?(?:https?:)?\/\//gi),
  ...html.matchAll(/https?:\/\/(?:fonts\.googleapis|fonts\.gstatic|cdn\.redoc\.ly|unpkg|cdn\.jsdelivr)[^"'`\s)]*/gi),
].map((match) => match[0]);
if (remote.length > 0) fail(`${relative(repoRoot, htmlPath)} still loads remote resources:\n  ${[...new Set(remote)].join("\n  ")}`);

const operations = Object.values(spec.paths ?? {}).flatMap((item) => Object.values(item).filter((op) => op && typeof op === "object" && op.operationId));
console.log(
  `docs-build: wrote ${relative(repoRoot, htmlPath)} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, self-contained; ` +
    `${operations.length} operations in ${spec.tags?.length ?? 0} sections) in ${Date.now() - started} ms`,
);
