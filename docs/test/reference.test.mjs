// Opens docs/dist/index.html in headless Chromium (Debian's /usr/bin/chromium through playwright-core,
// no browser download) and checks it against the bundled spec: every tag is a section of the
// sidebar, every operation is listed under its tag's section, the quick start comes first, the
// live-info example renders, and the page fetches nothing from the network.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, test } from "vitest";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const specPath = `${root}openapi/dist/openapi.json`;
const htmlPath = `${root}docs/dist/index.html`;
const screenshotPath = `${root}docs/dist/screenshot.png`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const spec = JSON.parse(readFileSync(specPath, "utf8"));
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => op && typeof op === "object" && op.operationId)
    .map(([method, op]) => ({ path, method, id: op.operationId, summary: op.summary, tag: op.tags?.[0] })),
);
const tags = spec.tags.map((tag) => tag.name);
const liveInfo = operations.find((op) => op.path === "/live/info");

let browser;
let page;
const remoteRequests = [];
const pageErrors = [];

beforeAll(async () => {
  assert.ok(existsSync(htmlPath), `${htmlPath} is missing: run \`pnpm run docs\` first`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Offline by construction: anything that is not the file itself or inline data is recorded and refused.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob|about):/.test(url)) return route.continue();
    remoteRequests.push(`${route.request().resourceType()} ${url}`);
    return route.abort();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
  await page.locator('[data-component-name="Menu/Menu"]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
});

test("the bundled spec has the operations and sections the page is checked against", () => {
  assert.ok(operations.length >= 50, `expected at least 50 operations, spec has ${operations.length}`);
  assert.equal(tags.length, 6, `expected six sections, spec has ${tags.join(", ")}`);
  for (const op of operations) assert.ok(tags.includes(op.tag), `${op.id} has tag ${op.tag}, not one of the spec's tags`);
  assert.ok(liveInfo, "spec has GET /live/info");
});

test("the quick start is on top, before the API's own description", async () => {
  const text = await page.locator("main, body").first().innerText();
  const quick = text.indexOf("Quick start");
  assert.ok(quick >= 0, "no Quick start heading");
  assert.ok(quick < text.indexOf("Hand-curated description"), "Quick start comes after the spec's description");
  assert.ok(text.includes("npm install @tikhubapi/client"), "install command missing");
  assert.ok(text.includes("createTikHubClient"), "client example missing");
});

test("every operation is listed under its section, and nothing else is", async () => {
  const menu = page.locator('[data-component-name="Menu/Menu"]').first();
  const seen = [];
  for (const tag of tags) {
    const section = menu.locator(':scope > [data-component-name="Menu/MenuItem"]').filter({ has: page.locator(`[data-text="${tag}"]`) });
    assert.equal(await section.count(), 1, `sidebar has no single section "${tag}"`);
    await section.locator('[data-testid="menu-item-label"]').first().click();
    const items = section.locator('[data-component-name="Menu/Menu"] [data-component-name="Menu/MenuItem"] a');
    await items.first().waitFor();
    const listed = await items.evaluateAll((links) =>
      links.map((a) => ({ href: a.getAttribute("href"), label: a.querySelector("[data-text]")?.getAttribute("data-text") })),
    );
    const expected = operations.filter((op) => op.tag === tag);
    assert.deepEqual(
      listed.map((item) => item.href).sort(),
      expected.map((op) => `#/${tag.toLowerCase()}/${op.id.toLowerCase()}`).sort(),
      `operations listed under "${tag}"`,
    );
    assert.deepEqual(listed.map((item) => item.label).sort(), expected.map((op) => op.summary).sort(), `operation titles under "${tag}"`);
    seen.push(...listed.map((item) => item.href));
  }
  // Sections open one at a time, so the whole list is the union of what each section showed.
  assert.equal(new Set(seen).size, operations.length, `the sections list ${new Set(seen).size} distinct operations, the spec has ${operations.length}`);
});

test("GET /live/info opens with its documented example", async () => {
  const link = page.locator(`a[href="#/${liveInfo.tag.toLowerCase()}/${liveInfo.id.toLowerCase()}"]`).first();
  await link.click();
  await page.getByText(liveInfo.summary, { exact: true }).last().waitFor();
  await page.getByText("/live/info").first().waitFor();
  // The example body (right panel) and the parameters' examples.
  await page.getByText(/AnchorABMap/).first().waitFor({ timeout: 15_000 });
  const text = await page.locator("body").innerText();
  assert.ok(text.includes("AnchorABMap"), "the 200 example's AnchorABMap key is not visible");
  assert.ok(text.includes("7531095702089370381"), "the room_id example 7531095702089370381 is not visible");
  await page.waitForTimeout(300); // let the sidebar's open animation settle before the picture
  await page.screenshot({ path: screenshotPath });
});

test("the page loads nothing from the network and throws no errors", () => {
  assert.deepEqual(remoteRequests, [], "remote requests");
  assert.deepEqual(pageErrors, [], "page errors");
});
