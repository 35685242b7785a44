// Opens docs/dist/index.html (Scalar's API reference over the docs' copy of the spec) in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core, no browser download) and checks it against that copy:
// the introduction (quick start, samples, console, credentials) comes first; every tag is a section of the
// sidebar listing its operations; every operation renders with its generated request samples; the console
// sends a request to a real mock (startMock, port 0) with credentials typed into the page and shows the
// status and body, and the credentials end up nowhere but in that request; the page fetches nothing else.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startMock } from "@tikhubapi/mock";
import { clientNames } from "@tikhubapi/spec/naming";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { launchChromium } from "../../scripts/ensure-browser.mjs";
import { LANGUAGES } from "../lib/code-samples.mjs";

const docsDir = fileURLToPath(new URL("../", import.meta.url));
const specPath = `${docsDir}dist/openapi.json`;
const htmlPath = `${docsDir}dist/index.html`;
const screenshotDir = `${docsDir}dist/`;

assert.ok(existsSync(specPath) && existsSync(htmlPath), `${htmlPath} is missing: run \`pnpm run docs\` first`);
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => op && typeof op === "object" && op.operationId)
    .map(([method, op]) => ({ path, method, operation: op, id: op.operationId, summary: op.summary, tag: op.tags?.[0] })),
);
const tags = spec.tags.map((tag) => tag.name);
/** Scalar's address of an operation: #tag/live/GET/live/info (its section's id is prefixed with "api-1/"). */
const anchorOf = (op) => `tag/${op.tag.toLowerCase()}/${op.method.toUpperCase()}${op.path}`;
const liveInfo = operations.find((op) => op.path === "/live/info");

let browser;
let page;
let mock;
const remoteRequests = [];
const mockRequests = [];
const pageErrors = [];

beforeAll(async () => {
  mock = await startMock({ port: 0, readyTimeoutMs: 120_000 }); // generous: Prism starts slowly on a busy machine
  browser = await launchChromium(chromium);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Offline by construction: only the page's own files, inline data and the test's mock are let through.
  await page.route("**/*", (route) => {
    const request = route.request();
    const url = request.url();
    if (/^(file|data|blob|about):/.test(url)) return route.continue();
    if (url.startsWith(`${mock.url}/`)) {
      mockRequests.push({ method: request.method(), url, headers: request.headers() });
      return route.continue();
    }
    remoteRequests.push(`${request.resourceType()} ${url}`);
    return route.abort();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
  await page.getByRole("link", { name: "Quick start" }).first().waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

test("the docs' spec has the operations and sections the page is checked against", () => {
  assert.ok(operations.length >= 50, `expected at least 50 operations, spec has ${operations.length}`);
  assert.equal(tags.length, 6, `expected six sections, spec has ${tags.join(", ")}`);
  for (const op of operations) assert.ok(tags.includes(op.tag), `${op.id} has tag ${op.tag}, not one of the spec's tags`);
  assert.ok(liveInfo, "spec has GET /live/info");
});

test("the introduction comes first: quick start, the samples (Swift not executed), the console and where credentials go", async () => {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (the text as rendered), not the DOM property
  const text = await page.locator("main, body").first().innerText();
  const at = (words) => text.indexOf(words);
  assert.ok(at("Quick start") >= 0, "no Quick start heading");
  assert.ok(at("Quick start") < at("Hand-curated description"), "Quick start comes after the spec's description");
  assert.ok(text.includes("npm install @tikhubapi/client"), "install command missing");
  for (const language of LANGUAGES) assert.ok(text.includes(language.label), `the introduction does not name the ${language.label} samples`);
  assert.match(text, /Swift samples are not executed/);
  assert.match(text, /Test Request/);
  assert.match(text, /never in the URL, and are not saved in the browser's storage/);
});

test("every operation is listed under its section, and nothing else is", async () => {
  const seen = [];
  for (const tag of tags) {
    const open = page.getByRole("button", { name: `Open Group - ${tag}`, exact: true });
    if (await open.count()) await open.first().click();
    const links = page.locator(`li[data-sidebar-id^="api-1/tag/${tag.toLowerCase()}/"] > a`);
    const expected = operations.filter((op) => op.tag === tag);
    await links.nth(expected.length - 1).waitFor();
    const listed = await links.evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute("href"), label: a.querySelector(".group\\/button-label")?.textContent.trim() })),
    );
    assert.deepEqual(listed.map((item) => item.href).sort(), expected.map((op) => `#${anchorOf(op)}`).sort(), `operations listed under "${tag}"`);
    assert.deepEqual(listed.map((item) => item.label).sort(), expected.map((op) => op.summary).sort(), `operation titles under "${tag}"`);
    seen.push(...listed.map((item) => item.href));
  }
  assert.equal(new Set(seen).size, operations.length, `the sections list ${new Set(seen).size} distinct operations, the spec has ${operations.length}`);
});

test("every operation renders with its title, its path and its first request sample", async () => {
  const problems = [];
  for (const op of operations) {
    await page.evaluate((hash) => (location.hash = hash), anchorOf(op));
    const section = page.locator(`section[id="api-1/${anchorOf(op)}"]`);
    try {
      await section.getByText(op.summary, { exact: true }).first().waitFor({ timeout: 30_000 });
      const firstSample = op.operation["x-codeSamples"][0].source.split("\n")[0];
      await section.getByText(firstSample.trim(), { exact: false }).first().waitFor({ timeout: 30_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (the text as rendered), not the DOM property
      const text = await section.innerText();
      if (!text.includes(op.path)) problems.push(`${op.id}: path ${op.path} not shown`);
    } catch (error) {
      problems.push(`${op.id}: ${error.message.split("\n")[0]}`);
    }
  }
  assert.deepEqual(problems, []);
}, 900_000); // Scalar renders a section when it is visited: ~1 s each, several on a busy machine

describe("GET /live/info", () => {
  test("offers a sample in every language, the TypeScript one with the client's method", async () => {
    await page.evaluate((hash) => (location.hash = hash), anchorOf(liveInfo));
    const section = page.locator(`section[id="api-1/${anchorOf(liveInfo)}"]`);
    await section.getByText(liveInfo.summary, { exact: true }).first().waitFor();
    await section.getByRole("button", { name: LANGUAGES[0].label, exact: true }).first().click();
    for (const language of LANGUAGES) await page.getByRole("option", { name: language.label }).first().waitFor();
    await page
      .getByRole("option", { name: LANGUAGES.find((l) => l.id === "typescript").label })
      .first()
      .click();
    const { namespace, method } = clientNames(liveInfo.operation);
    await section.getByText(`tikhub.${namespace}.${method}(`, { exact: false }).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${screenshotDir}screenshot-samples.png` });
  }, 300_000);

  test("its console sends the request to the mock with the typed credentials and shows the status and body; the credentials are kept nowhere else", async () => {
    const username = "console-user";
    const password = "pa55-w0rd-typed-in";
    const port = new URL(mock.url).port;
    await page
      .getByRole("button", { name: new RegExp(`Test Request.*get ${liveInfo.path}\\)`) })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // The mock is the first server; its port is a server variable (default 4010), set here to the test's mock.
    await dialog.getByRole("button", { name: /^Server:/ }).click();
    await page.locator('input[id^="scalar-client"][id$="-port"]').fill(port);
    await page.keyboard.press("Escape");
    await dialog.getByText("Username:").locator("xpath=..").locator("[contenteditable=true]").first().click();
    await page.keyboard.type(username);
    await dialog.locator('input[placeholder="********"]').first().fill(password);
    await dialog.getByRole("button", { name: /^Send/ }).first().click();

    await dialog.getByText("200 OK").first().waitFor({ timeout: 30_000 });
    await dialog.getByText('"AnchorABMap"').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${screenshotDir}screenshot-console.png` });

    assert.equal(mockRequests.length, 1, `requests that reached the mock: ${mockRequests.map((r) => r.url).join(", ")}`);
    const [sent] = mockRequests;
    assert.equal(sent.method, "GET");
    const url = new URL(sent.url);
    assert.equal(url.pathname, liveInfo.path);
    assert.equal(sent.headers.authorization, `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`);
    assert.ok(!sent.url.includes(password) && !sent.url.includes(username), "credentials in the request's URL");

    // Nowhere else: not in the page's address, its storage, its cookies or its IndexedDB databases.
    const kept = await page.evaluate(async () => {
      const databases = [];
      for (const { name } of (await indexedDB.databases?.()) ?? []) {
        const db = await new Promise((resolve, reject) => Object.assign(indexedDB.open(name), { onsuccess: (e) => resolve(e.target.result), onerror: reject }));
        for (const store of db.objectStoreNames) {
          const all = await new Promise((resolve) =>
            Object.assign(db.transaction(store).objectStore(store).getAll(), { onsuccess: (e) => resolve(e.target.result) }),
          );
          databases.push(JSON.stringify(all));
        }
        db.close();
      }
      return {
        url: location.href,
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        cookie: document.cookie,
        databases,
      };
    });
    for (const [where, value] of Object.entries(kept)) {
      const text = JSON.stringify(value);
      assert.ok(!text.includes(password), `the password is in the page's ${where}`);
      assert.ok(!text.includes(Buffer.from(`${username}:${password}`).toString("base64")), `the Basic token is in the page's ${where}`);
    }
  }, 300_000);
});

test("the page loads nothing from the network but the console's request, and throws no errors", () => {
  assert.deepEqual(remoteRequests, [], "remote requests");
  assert.deepEqual(pageErrors, [], "page errors");
});
