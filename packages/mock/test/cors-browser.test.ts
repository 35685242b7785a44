// CORS for real: a page on another local origin, in headless Chromium, fetches an operation from the
// mock with an Authorization header (so the browser sends a preflight) and shows the example.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "../../../scripts/ensure-browser.mjs";
import { type RunningMock, startMock } from "../src/index.js";

let mock: RunningMock;
let page: Server;
let pageUrl: string;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(chromium); // first: a missing browser fails before the mock starts
  mock = await startMock({ port: 0 });
  page = createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>frontend</title><pre id="out">loading</pre><script>
      fetch(${JSON.stringify(`${mock.url}/live/info?room_id=7531095702089370381&user_id=6796815426174960646`)}, { headers: { Authorization: "Basic " + btoa("demo:demo") } })
        .then((r) => r.json())
        .then((body) => { document.getElementById("out").textContent = body.msg + " " + body.data.data.aggregation_data.Audience.avatar_large.uri; })
        .catch((e) => { document.getElementById("out").textContent = "failed: " + e; });
    </script>`);
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  // "localhost" vs "127.0.0.1" and different ports: a different origin from the mock's.
  pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
});

it("a browser page on another origin reads the example through CORS, preflight included", async () => {
  const tab = await browser.newPage();
  // An Authorization header is not CORS-safelisted: the GET only goes out after a passed preflight.
  const answered = tab.waitForEvent("requestfinished", { predicate: (r) => r.url().startsWith(mock.url) && r.method() === "GET", timeout: 15_000 });
  await tab.goto(pageUrl);
  await answered;
  await tab.waitForFunction(() => document.getElementById("out")?.textContent !== "loading", undefined, { timeout: 15_000 });
  expect(await tab.textContent("#out")).toBe("success 1080x1080/musically-maliva-obj/1594805258216454");
  const direct = await fetch(`${mock.url}/live/info?room_id=1&user_id=2`, {
    method: "OPTIONS",
    headers: { origin: pageUrl.slice(0, -1), "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });
  expect(direct.status).toBe(204);
  expect(direct.headers.get("access-control-allow-origin")).toBe(pageUrl.slice(0, -1));
  expect(direct.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
});
