// Builds the browsable API reference in docs/dist/: index.html, rendered in the browser by Scalar's API
// reference (its standalone bundle, copied next to the page) from the docs' copy of the bundled spec
// (openapi/dist/openapi.json). That copy gets, at build time and never in openapi/:
//   - a quick start and a note on the samples and the console on top of info.description;
//   - x-codeSamples on every operation (docs/lib/code-samples.mjs: curl, TypeScript, CLI, Python, Java, Swift);
//   - a second server, the local mock (http://127.0.0.1:4010 by default), for the console ("Test Request").
// No operation is written by hand here. The page works offline: the library's script is a local file, the
// spec is inlined, Scalar's web fonts, telemetry and AI agent are switched off, and the build fails if the
// page points a <script>, stylesheet or font at the network.
// Usage: node scripts/docs-build.mjs   (root: `pnpm run docs`, which bundles the spec and builds its model first; a bare `pnpm docs` is pnpm's own command)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { BASE_URL, LANGUAGES, withCodeSamples } from "../docs/lib/code-samples.mjs";
import { ensureScalar } from "./ensure-scalar.mjs";
import { bundlePath, repoRoot } from "./run-redocly.mjs";

const distDir = join(repoRoot, "docs", "dist");
const htmlPath = join(distDir, "index.html");
const specOut = join(distDir, "openapi.json");
const LIBRARY_FILE = "scalar-api-reference.js";
export const MOCK_SERVER = "http://127.0.0.1:4010";

const executed = LANGUAGES.filter((l) => l.executed).map((l) => l.label);
const notExecuted = LANGUAGES.filter((l) => !l.executed).map((l) => l.label);

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
npx @tikhubapi/mock            # TikHub mock listening on ${MOCK_SERVER}
curl -u demo:demo '${MOCK_SERVER}/live/info?room_id=7531095702089370381&user_id=6796815426174960646'
\`\`\`

\`\`\`ts
const client = createTikHubClient({ baseUrl: "${MOCK_SERVER}", username: "demo", password: "demo" });
\`\`\`

Errors are typed (\`AuthenticationError\`, \`RateLimitError\`, \`SessionExpiredError\`, …); rate limits and
server errors are retried with back-off.

## Request samples

Every operation shows a request in ${[...executed, ...notExecuted].join(", ")}. They are generated from the
spec (the operation's required parameters and their examples; the client's and the CLI's real names). Each reads
\`TIKHUB_USERNAME\` and \`TIKHUB_PASSWORD\` from the environment, calls \`${BASE_URL}\` and prints the answer
(the client and the CLI print its \`data\`). Replace that base URL with the mock's (\`${MOCK_SERVER}\`) to run
one against the mock. Our test suite runs the ${executed.join(", ")} samples of every operation against the mock
and expects the documented 200. **Swift samples are not executed**: no Swift toolchain is available where the
tests run, so they are unchecked.

## Console

**Test Request** on an operation opens a console that sends the request from this page. Pick the server: the
local mock (\`${MOCK_SERVER}\`, the default; start it with \`npx @tikhubapi/mock\`, any credentials work, and its
host and port can be edited) or the real API. Type your username and password under Authentication (HTTP Basic),
then send: the console shows the status and the body.

Your credentials stay in this page: they leave it only inside the request you send (its \`Authorization\` header),
never in the URL, and are not saved in the browser's storage (no localStorage, no sessionStorage, no cookie).
Reloading or closing the page forgets them.

## About this API

`;

function fail(message) {
  console.error(`docs-build: ${message}`);
  process.exit(1);
}

const started = Date.now();
if (!existsSync(bundlePath)) fail(`${relative(repoRoot, bundlePath)} is missing: run \`pnpm bundle\` (or \`pnpm run docs\`, which bundles first)`);
const bundle = JSON.parse(readFileSync(bundlePath, "utf8"));

let spec;
try {
  spec = withCodeSamples(bundle);
} catch (error) {
  fail(`cannot generate the code samples: ${error.message}`);
}
spec.info = { ...spec.info, description: QUICK_START + (spec.info?.description ?? "") };
spec.servers = [
  {
    url: "http://{host}:{port}",
    description: "Local mock (npx @tikhubapi/mock)",
    variables: { host: { default: new URL(MOCK_SERVER).hostname }, port: { default: new URL(MOCK_SERVER).port } },
  },
  ...(spec.servers ?? [{ url: BASE_URL }]),
];

// Scalar's self-contained browser build, the one file of @scalar/api-reference the page uses: fetched
// from the npm registry on first use and checked against its pinned integrity (scripts/ensure-scalar.mjs).
let libraryPath;
try {
  libraryPath = ensureScalar();
} catch (error) {
  fail(error.message);
}

// Scalar's options (https://guides.scalar.com/scalar/scalar-api-references/configuration).
const CONFIG = {
  hiddenClients: true, // only the generated x-codeSamples, no snippets of Scalar's own
  withDefaultFonts: false, // its default fonts come from fonts.scalar.com
  telemetry: false,
  persistAuth: false, // credentials typed into the console stay in memory
  agent: { disabled: true },
  showDeveloperTools: "never",
  hideDarkModeToggle: false,
  defaultOpenAllTags: false,
  authentication: { preferredSecurityScheme: "basicAuth" },
};

// Inline JSON inside <script>: no "</script>" or "<!--" can end it early.
const inlineJson = (value) => JSON.stringify(value).replaceAll("<", "\\u003c").replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029");
const title = `${spec.info.title ?? "API"} — API reference`;
const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</title>
    <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }</style>
  </head>
  <body>
    <div id="app"></div>
    <script src="./${LIBRARY_FILE}"></script>
    <script id="tikhub-spec" type="application/json">${inlineJson(spec)}</script>
    <script>
      Scalar.createApiReference("#app", {
        ...${inlineJson(CONFIG)},
        content: JSON.parse(document.getElementById("tikhub-spec").textContent),
      });
    </script>
  </body>
</html>
`;

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
writeFileSync(specOut, `${JSON.stringify(spec, null, 2)}\n`);
copyFileSync(libraryPath, join(distDir, LIBRARY_FILE));
writeFileSync(htmlPath, html);

// Anything in the page that would make the browser fetch code, styles or fonts from the network.
const remote = [
  ...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?(?!\.\/)[^"'\s>]+/gi),
  ...html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi),
  ...html.matchAll(/@import\s+(?:url\()?["']?(?:https?:)?\/\//gi),
].map((match) => match[0]);
if (remote.length > 0) fail(`${relative(repoRoot, htmlPath)} still loads remote resources:\n  ${[...new Set(remote)].join("\n  ")}`);

const operationCount = Object.values(spec.paths ?? {}).flatMap((item) =>
  Object.values(item).filter((op) => op && typeof op === "object" && op.operationId),
).length;
const kib = (file) => (readFileSync(file).length / 1024).toFixed(0);
console.log(
  `docs-build: wrote ${relative(repoRoot, distDir)}/ (index.html ${kib(htmlPath)} KiB + ${LIBRARY_FILE} ${kib(join(distDir, LIBRARY_FILE))} KiB, offline; ` +
    `${operationCount} operations in ${spec.tags?.length ?? 0} sections, ${LANGUAGES.length} samples each) in ${Date.now() - started} ms`,
);
