// `@tikhubapi/msw` in a real browser, with msw 2 (Node 20 run) or msw 3 (Node 24 run, msw-major.ts):
// headless Chromium opens a page whose script (bundled with esbuild from the PACKED client and handlers) registers MSW's service worker (mockServiceWorker.js,
// written by `msw init` into the served folder, as an app would), calls the client at its default base
// URL (the real API's) and renders the live room's title. There is no network here: the answer can
// only come from the worker.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { OPERATIONS } from "@tikhubapi/spec/operations";
import { deref, loadSpec } from "@tikhubapi/spec/spec";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "../../../scripts/ensure-browser.mjs";
import { installPacked, type PackedInstall } from "../../../scripts/packed-install.mjs";
import { MSW_DIR, MSW_LINK, MSW_MAJOR, MSW_VERSION } from "./msw-major.js";

const MSW_CLI = join(MSW_DIR, "cli", "index.js");

// The page's input (the model's parameter examples) and the expected title (the spec's first example) of /live/info.
const spec = loadSpec();
const liveModel = OPERATIONS.find((op) => op.path === "/live/info")!;
const params = Object.fromEntries(liveModel.params.map((p) => [p.name, String(p.example)]));
const firstExample = Object.values(spec.paths["/live/info"].get.responses["200"].content["application/json"].examples)[0];
const room = deref(spec, firstExample).value.data.data;

const APP = `import { setupWorker } from "msw/browser";
import { createHandlers } from "@tikhubapi/msw";
import { createTikHubClient } from "@tikhubapi/client";

const out = document.getElementById("title");
try {
  await setupWorker(...createHandlers()).start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true });
  const client = createTikHubClient({ username: "demo", password: "demo", maxRetries: 0 });
  const room = await client.live.getInfo(${JSON.stringify(params)});
  out.textContent = room.data.title;
  document.getElementById("room").textContent = Object.keys(room.data).join(",");
  out.dataset.controlled = String(Boolean(navigator.serviceWorker.controller));
} catch (error) {
  out.textContent = "failed: " + error;
}
`;

let packed: PackedInstall;
let site: Server;
let browser: Browser;
let siteUrl: string;

beforeAll(async () => {
  browser = await launchChromium(chromium); // first: a missing browser fails before the packing
  packed = installPacked(["client", "msw"], { msw: MSW_LINK });
  const root = join(packed.dir, "public");
  writeFileSync(join(packed.dir, "package.json"), JSON.stringify({ name: "frontend-app", private: true, type: "module" }));
  execFileSync(process.execPath, [MSW_CLI, "init", root, "--no-save"], { cwd: packed.dir, stdio: "pipe", timeout: 60_000 });
  writeFileSync(join(packed.dir, "app.mjs"), APP);
  await build({
    entryPoints: [join(packed.dir, "app.mjs")],
    outfile: join(root, "app.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "chrome120",
    logLevel: "error",
  });
  writeFileSync(
    join(root, "index.html"),
    `<!doctype html><title>live room</title><h1 id="title">loading</h1><p id="room"></p><script type="module" src="/app.js"></script>`,
  );
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };
  site = createServer((req, res) => {
    const name = req.url === "/" ? "index.html" : (req.url ?? "").slice(1);
    if (!["index.html", "app.js", "mockServiceWorker.js"].includes(name)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[name.slice(name.lastIndexOf("."))]! });
    res.end(readFileSync(join(root, name)));
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  packed?.remove();
});

it(`msw ${MSW_MAJOR} (${MSW_VERSION}): a page with setupWorker renders the live room's title from the client's call`, async () => {
  const tab = await browser.newPage();
  const logs: string[] = [];
  tab.on("console", (message) => logs.push(message.text()));
  tab.on("pageerror", (error) => logs.push(String(error)));
  await tab.goto(siteUrl);
  await tab.waitForFunction(() => document.getElementById("title")?.textContent !== "loading", undefined, { timeout: 30_000 });
  expect(await tab.getAttribute("#title", "data-controlled"), logs.join("\n")).toBe("true");
  expect(await tab.textContent("#room"), "the room's fields, as the spec's example has them").toBe(Object.keys(room).join(","));
  expect(typeof room.title === "string" && room.title.length > 0, "the spec's default live room has a title").toBe(true);
  expect(await tab.textContent("#title")).toBe(room.title);
});
