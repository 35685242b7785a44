// The packed packages installed the way users install them today (`pnpm release:check`, after the
// classic consumer project): `npm install` (not pnpm) of the tarballs with the latest peers, each in
// a fresh temp project, npm itself running on Node 24 wherever a peer asks for Node ≥ 22:
//   msw 3 / msw 2    @tikhubapi/msw with each msw major alone: installs with no flag, no peer warning,
//                    nothing from @stoplight/*; package count and size printed; the handlers answer
//                    under setupServer (Node 24 / Node 20).
//   TypeScript 7     client + types + handlers compile under `nodenext` and `bundler` (strict,
//                    exactOptionalPropertyTypes, skipLibCheck off); a missing required parameter does not.
//   mock + msw 3     `npm install msw@3 <@tikhubapi/mock>` (once an ERESOLVE) installs cleanly; its deprecated
//                    /msw subpath answers under msw 3.
//   vitest 5         the Vitest example of packages/msw/README.md, as printed, on Node 24 with msw 3
//                    (a call, a forced 429, a paged walk).
//   Vite             the browser example of packages/msw/README.md as printed (`npx msw init`, src/mocks.ts,
//                    src/main.ts) built with `vite build --mode mock` (sizes printed),
//                    then that page in headless Chromium renders the live room's title.
// Registry versions are pinned below (what `npm install <name>` gave on 2026-12-07); installs hit the
// npm registry (npm's own cache only: nothing is cached in the repo) and run in parallel.
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { launchChromium } from "./ensure-browser.mjs";
import { node24 } from "./node24.mjs";
import { npmEnv } from "./packing.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const mswManifest = JSON.parse(readFileSync(join(root, "packages", "msw", "package.json"), "utf8"));
export const TODAY = {
  typescript: "7.0.2",
  vitest: "5.1.2",
  vite: "8.4.1",
  /** The msw 3 and msw 2 the workspace tests with (packages/msw devDependencies: msw3 = npm:msw@3.x, msw). */
  msw3: mswManifest.devDependencies.msw3.replace(/^npm:msw@/, ""),
  msw2: mswManifest.devDependencies.msw,
};
const ROOM = { room_id: "7531095702089370381", user_id: "6796815426174960646" };
const INSTALL_TIMEOUT_MS = 600_000;

function runAsync(command, args, { cwd, env = npmEnv(), timeout = 300_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ status: 127, stdout, stderr: `${stderr}${error.message}`, output: `${stdout}${stderr}${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? (signal ? `killed (${signal}, over ${timeout / 1000} s?)` : 1), stdout, stderr, output: `${stdout}${stderr}` });
    });
  });
}

/** npm's own CLI script, to run npm on a Node of our choosing. */
function npmCli() {
  const found = spawnPath("npm");
  return join(dirname(realpathSync(found)), "npm-cli.js");
}
function spawnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`${name} is not on PATH`);
}

/** Bytes under a directory (files only, symlinks not followed). */
function du(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += du(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1e3).toFixed(1)} kB`;

/**
 * A fresh project in `dir` and `npm install <specs>` run by npm on `node`. Fails on a non-zero exit
 * and on any peer-dependency or engine warning naming one of our packages (or any ERESOLVE).
 */
async function install(label, dir, specs, node, ctx) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: `tikhub-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  const started = Date.now();
  const env = { ...npmEnv(), PATH: `${dirname(node)}:${process.env.PATH}` };
  const result = await runAsync(node, [npmCli(), "install", "--no-audit", "--no-fund", "--loglevel=warn", "--prefer-offline", ...specs], {
    cwd: dir,
    env,
    timeout: INSTALL_TIMEOUT_MS,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    ctx.fail(label, `npm install ${specs.map((s) => s.replace(/^.*\//, "")).join(" ")} failed (exit ${result.status}):\n${ctx.indent(result.output)}`);
    return undefined;
  }
  const warnings = result.output.split("\n").filter((line) => /^npm (warn|WARN)/.test(line));
  const ours = warnings.filter((line) => /ERESOLVE/.test(line) || (/peer|EBADENGINE|engine/i.test(line) && /@tikhubapi\//.test(line)));
  if (ours.length) ctx.fail(label, `npm install printed peer/engine warnings for our packages:\n${ctx.indent(ours.join("\n"))}`);
  ctx.fromTarballsOnly(dir);
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  const installed = Object.keys(lock.packages ?? {}).filter((key) => key.startsWith("node_modules/"));
  return { dir, seconds, warnings, installed, node };
}

const smoke = (from) => `import { createHandlers, DEFAULT_BASE_URL } from "${from}";
import { setupServer } from "msw/node";
import { readFileSync } from "node:fs";

const server = setupServer(...createHandlers());
server.listen({ onUnhandledRequest: "error" });
try {
  const url = \`\${DEFAULT_BASE_URL}/live/info?\${new URLSearchParams(${JSON.stringify(ROOM)})}\`;
  const ok = await fetch(url, { headers: { authorization: "Basic " + btoa("demo:a:b") } });
  const anonymous = await fetch(url);
  const msw = JSON.parse(readFileSync("node_modules/msw/package.json", "utf8")).version;
  console.log(JSON.stringify({ msw, ok: ok.status, title: (await ok.json()).data?.data?.title, anonymous: anonymous.status }));
} finally {
  server.close();
}
`;

/** Runs the smoke script against `from` (the handlers' module) in the project: the run and its last line's JSON. */
async function runSmoke(project, from) {
  writeFileSync(join(project.dir, "smoke.mjs"), smoke(from));
  const result = await runAsync(project.node, ["smoke.mjs"], { cwd: project.dir, timeout: 90_000 });
  try {
    return { result, parsed: JSON.parse(result.stdout.trim().split("\n").pop() ?? "") };
  } catch {
    return { result, parsed: undefined };
  }
}

/** @tikhubapi/msw with one msw major alone; returns the room title the handlers answered (undefined on a failure). */
async function mswAlone(project, major, ctx) {
  if (!project) return;
  const label = `@tikhubapi/msw + msw ${major}`;
  const stoplight = project.installed.filter((key) => /node_modules\/@stoplight\//.test(key));
  if (stoplight.length) ctx.fail(label, `installs ${stoplight.length} @stoplight/* packages (e.g. ${stoplight[0]}): Prism must not come with the MSW handlers`);
  const { result, parsed } = await runSmoke(project, "@tikhubapi/msw");
  if (result.status !== 0 || parsed?.ok !== 200 || parsed.anonymous !== 401 || !String(parsed.msw).startsWith(`${major}.`)) {
    ctx.fail(
      label,
      `the handlers under msw ${major}'s setupServer did not answer 200 (a password with ':') and 401 (none) (exit ${result.status}):\n${ctx.indent(result.output)}`,
    );
    return;
  }
  ctx.say(
    `  ${label} (npm on Node ${await versionOf(project.node)}): ${project.installed.length} packages, ${mb(du(join(project.dir, "node_modules")))} in node_modules, no @stoplight/*, in ${project.seconds} s; setupServer (msw ${parsed.msw}) → 200 "${parsed.title}", no credentials → 401`,
  );
  return parsed.title;
}

/** `npm install msw@3 @tikhubapi/mock` (an ERESOLVE while the mock's msw peer was ^2): installs, and the deprecated /msw subpath answers. */
async function mockWithMsw3(project, ctx) {
  if (!project) return;
  const label = "@tikhubapi/mock + msw 3";
  const { result, parsed } = await runSmoke(project, "@tikhubapi/mock/msw");
  if (result.status !== 0 || parsed?.ok !== 200 || !String(parsed.msw).startsWith("3.")) {
    ctx.fail(label, `the deprecated @tikhubapi/mock/msw under msw 3's setupServer did not answer 200 (exit ${result.status}):\n${ctx.indent(result.output)}`);
    return;
  }
  ctx.say(
    `  ${label} (npm on Node ${await versionOf(project.node)}): installs with no flag and no peer warning (${project.installed.length} packages, ${mb(du(join(project.dir, "node_modules")))}: Prism included); the deprecated @tikhubapi/mock/msw answers 200 under msw ${parsed.msw}`,
  );
}

const versions = new Map();
async function versionOf(node) {
  if (!versions.has(node)) versions.set(node, (await runAsync(node, ["--version"])).stdout.trim().replace(/^v/, ""));
  return versions.get(node);
}

const TS_CONSUMER = `import { createTikHubClient, TikHubError, type Data } from "@tikhubapi/client";
import type { paths } from "@tikhubapi/types";
import { createHandlers, type CreateHandlersOptions } from "@tikhubapi/msw";
import { setupServer } from "msw/node";

const options: CreateHandlersOptions = { latency: "100-200", rateLimit: 5, failRate: 0.1 };
export const server = setupServer(...createHandlers(options));
const client = createTikHubClient({ username: "demo", password: "demo" });
type LiveInfoQuery = paths["/live/info"]["get"]["parameters"]["query"];
const room: LiveInfoQuery = ${JSON.stringify(ROOM)};

export async function call(): Promise<string | undefined> {
  const live: Data<"liveGetInfo"> = await client.live.getInfo(room);
  const title: string | undefined = live.data.title;
  for await (const comment of client.video.getComments.iterate({ video_id: "7560802497552567582" }, { maxPages: 2 })) {
    const text: string | undefined = comment.text;
    void text;
  }
  try {
    await client.live.getInfo(room, { headers: { Prefer: "code=429" } });
  } catch (error) {
    if (error instanceof TikHubError) return \`\${error.status}\`;
  }
  return title;
}
`;
const TS_MISSING = `import { createTikHubClient } from "@tikhubapi/client";

// user_id is required by GET /live/info: this must not compile.
export const live = createTikHubClient({}).live.getInfo({ room_id: "${ROOM.room_id}" });
`;
const tsconfig = (resolution, files) => ({
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "es2022",
    module: resolution === "nodenext" ? "nodenext" : "preserve",
    moduleResolution: resolution,
    lib: ["es2022", "dom", "dom.iterable"],
    types: [],
    skipLibCheck: false,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
  },
  files,
});

async function typescript7(project, ctx) {
  if (!project) return;
  const label = `TypeScript ${TODAY.typescript}`;
  const tsc = join(project.dir, "node_modules", "typescript", "bin", "tsc");
  writeFileSync(join(project.dir, "consumer.ts"), TS_CONSUMER);
  writeFileSync(join(project.dir, "missing-param.ts"), TS_MISSING);
  for (const resolution of ["nodenext", "bundler"]) {
    writeFileSync(join(project.dir, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig(resolution, ["consumer.ts"]), null, 2));
    writeFileSync(join(project.dir, `tsconfig.${resolution}.missing.json`), JSON.stringify(tsconfig(resolution, ["missing-param.ts"]), null, 2));
    const ok = await runAsync(project.node, [tsc, "-p", `tsconfig.${resolution}.json`], { cwd: project.dir, timeout: 180_000 });
    if (ok.status !== 0)
      ctx.fail(
        label,
        `"moduleResolution": "${resolution}": the client, the types and the MSW handlers do not compile (exit ${ok.status}):\n${ctx.indent(ok.output)}`,
      );
    const bad = await runAsync(project.node, [tsc, "-p", `tsconfig.${resolution}.missing.json`], { cwd: project.dir, timeout: 180_000 });
    if (bad.status === 0 || !/user_id/.test(bad.output))
      ctx.fail(
        label,
        `"moduleResolution": "${resolution}": live.getInfo without its required user_id ${bad.status === 0 ? "compiled" : "failed without naming user_id"}:\n${ctx.indent(bad.output)}`,
      );
    if (ok.status === 0 && bad.status !== 0)
      ctx.say(
        `  ${label}, "moduleResolution": "${resolution}" (strict, exactOptionalPropertyTypes, skipLibCheck off): client + types + createHandlers() under msw ${TODAY.msw3} compile; a missing user_id is refused`,
      );
  }
}

/** The packages/msw/README.md code block of `lang` whose first line is `first` (a file name comment or a command). */
function readmeBlock(lang, first) {
  const readme = readFileSync(join(root, "packages", "msw", "README.md"), "utf8");
  const block = [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1]).find((code) => code.startsWith(first));
  if (!block) throw new Error(`packages/msw/README.md has no \`\`\`${lang} block starting with ${first}`);
  return block;
}
const readmeVitestExample = () => readmeBlock("ts", "// src/room-title.test.ts");

async function vitest5(project, ctx) {
  if (!project) return;
  const label = `vitest ${TODAY.vitest}`;
  let example;
  try {
    example = readmeVitestExample();
  } catch (error) {
    ctx.fail(label, error.message);
    return;
  }
  mkdirSync(join(project.dir, "src"), { recursive: true });
  writeFileSync(join(project.dir, "src", "room-title.test.ts"), example);
  const expected = [...example.matchAll(/^it\(/gm)].length;
  const result = await runAsync(project.node, [join(project.dir, "node_modules", "vitest", "vitest.mjs"), "run"], {
    cwd: project.dir,
    env: { ...npmEnv(), CI: "1" },
    timeout: 180_000,
  });
  const passed = Number(/Tests\s+(\d+) passed/.exec(result.output)?.[1] ?? 0);
  if (result.status !== 0 || passed !== expected) {
    ctx.fail(
      label,
      `the Vitest example of packages/msw/README.md did not pass on Node ${await versionOf(project.node)} with msw ${TODAY.msw3} (${passed}/${expected} passed, exit ${result.status}):\n${ctx.indent(result.output)}`,
    );
    return;
  }
  ctx.say(
    `  ${label} on Node ${await versionOf(project.node)}, msw ${TODAY.msw3} (msw/node + @tikhubapi/msw + client): packages/msw/README.md's Vitest example as printed → ${passed}/${expected} tests passed (a call, a forced 429, a paged walk)`,
  );
}

/** The browser example of packages/msw/README.md, as printed: `msw init`, src/mocks.ts, src/main.ts, built with `vite build --mode mock`. */
async function viteBuild(project, ctx, expectedTitle) {
  if (!project) return;
  const label = `Vite ${TODAY.vite}`;
  let files;
  try {
    files = { init: readmeBlock("sh", "npx msw init").trim(), mocks: readmeBlock("ts", "// src/mocks.ts"), main: readmeBlock("ts", "// src/main.ts") };
  } catch (error) {
    ctx.fail(label, error.message);
    return;
  }
  mkdirSync(join(project.dir, "src"), { recursive: true });
  writeFileSync(
    join(project.dir, "index.html"),
    `<!doctype html>\n<title>live room</title>\n<h1 id="title">loading</h1>\n<script type="module" src="/src/main.ts"></script>\n`,
  );
  writeFileSync(join(project.dir, "src", "mocks.ts"), files.mocks);
  writeFileSync(join(project.dir, "src", "main.ts"), files.main);
  const [command, ...args] = files.init.split(/\s+/);
  if (command !== "npx") {
    ctx.fail(label, `the README's init command does not start with npx: ${files.init}`);
    return;
  }
  const npx = join(dirname(npmCli()), "npx-cli.js");
  const env = { ...npmEnv(), PATH: `${dirname(project.node)}:${process.env.PATH}` };
  const init = await runAsync(project.node, [npx, ...args], { cwd: project.dir, env, timeout: 60_000 });
  if (init.status !== 0 || !existsSync(join(project.dir, "public", "mockServiceWorker.js"))) {
    ctx.fail(label, `\`${files.init}\` failed (exit ${init.status}):\n${ctx.indent(init.output)}`);
    return;
  }
  const build = await runAsync(project.node, [join(project.dir, "node_modules", "vite", "bin", "vite.js"), "build", "--mode", "mock", "--logLevel", "warn"], {
    cwd: project.dir,
    env,
    timeout: 180_000,
  });
  if (build.status !== 0) {
    ctx.fail(label, `vite build --mode mock of the README's page (client + setupWorker) failed (exit ${build.status}):\n${ctx.indent(build.output)}`);
    return;
  }
  const dist = join(project.dir, "dist");
  const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
  const sizes = assets.map((file) => {
    const bytes = readFileSync(join(dist, "assets", file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  ctx.say(
    `  ${label}: \`${files.init}\`, then \`vite build --mode mock\` of packages/msw/README.md's src/mocks.ts + src/main.ts as printed (client + @tikhubapi/msw + msw ${TODAY.msw3}): ${sizes.map((s) => `assets/${s.file} ${kb(s.raw)} min, ${kb(s.gzip)} gzip`).join("; ")} (${kb(total)} gzip in all)`,
  );
  await openInChromium(dist, label, ctx, expectedTitle);
}

/** Serves the built page on 127.0.0.1 and opens it in headless Chromium: the worker must answer the client's call. */
async function openInChromium(dist, label, ctx, expectedTitle) {
  let chromium;
  try {
    ({ chromium } = createRequire(join(root, "packages", "msw", "package.json"))("playwright-core"));
  } catch (error) {
    ctx.fail(label, `playwright-core (a devDependency of packages/msw) cannot be loaded: ${error.message}`);
    return;
  }
  const types = { ".html": "text/html", ".js": "text/javascript" };
  const server = createServer((req, res) => {
    const name = (req.url ?? "/").split("?")[0] === "/" ? "index.html" : decodeURIComponent((req.url ?? "").split("?")[0].slice(1));
    const path = join(dist, name);
    if (name.includes("..") || !existsSync(path) || !lstatSync(path).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[extname(name)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  let browser;
  try {
    browser = await launchChromium(chromium);
  } catch (error) {
    ctx.fail(label, error.message);
    return;
  }
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    try {
      await page.waitForFunction(() => document.querySelector("#title")?.textContent !== "loading", undefined, { timeout: 60_000 });
    } catch (error) {
      throw new Error(`the title never changed from "loading" (${errors.join("; ") || error.message.split("\n")[0]})`);
    }
    const title = await page.textContent("#title");
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!controlled || title !== expectedTitle) {
      ctx.fail(label, `the built page in Chromium rendered "${title}", not the room's title "${expectedTitle}" (page controlled by the worker: ${controlled})`);
    } else ctx.say(`  ${label}: the built page in headless Chromium renders "${title}" (answered by the service worker; there is no network)`);
  } catch (error) {
    ctx.fail(label, `the built page in Chromium: ${error.message.split("\n")[0]}`);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Runs every project of today's ecosystem; `packed` are the tarballs ({ name, tarball }). */
export async function todaysConsumers(packed, work, ctx) {
  const tarball = (name) => packed.find((p) => p.name === name)?.tarball;
  const [client, types, msw, mock] = ["@tikhubapi/client", "@tikhubapi/types", "@tikhubapi/msw", "@tikhubapi/mock"].map(tarball);
  if (!client || !types || !msw || !mock) {
    ctx.fail("consumers", "skipped: the client, types, msw or mock tarball is missing");
    return;
  }
  let modern;
  try {
    modern = await node24();
  } catch (error) {
    ctx.fail("consumers", error.message);
    return;
  }
  const dir = (name) => join(work, "today", name);
  const started = Date.now();
  const [alone3, alone2, ts7, vitest, vite, mockMsw3] = await Promise.all([
    install("msw 3 alone", dir("msw3"), [msw, `msw@${TODAY.msw3}`], modern, ctx),
    install("msw 2 alone", dir("msw2"), [msw, `msw@${TODAY.msw2}`], process.execPath, ctx),
    install(`TypeScript ${TODAY.typescript}`, dir("typescript7"), [client, types, msw, `typescript@${TODAY.typescript}`, `msw@${TODAY.msw3}`], modern, ctx),
    install(`vitest ${TODAY.vitest}`, dir("vitest5"), [client, types, msw, `vitest@${TODAY.vitest}`, `msw@${TODAY.msw3}`], modern, ctx),
    install(`Vite ${TODAY.vite}`, dir("vite"), [client, types, msw, `vite@${TODAY.vite}`, `msw@${TODAY.msw3}`], modern, ctx),
    install("@tikhubapi/mock + msw 3", dir("mock-msw3"), [mock, `msw@${TODAY.msw3}`], modern, ctx),
  ]);
  ctx.say(
    `  6 npm installs in parallel (npm ${await npmVersion(modern)}, on Node ${await versionOf(modern)}; msw 2 on Node ${process.versions.node}): ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const title = await mswAlone(alone3, 3, ctx);
  await mswAlone(alone2, 2, ctx);
  await typescript7(ts7, ctx);
  await vitest5(vitest, ctx);
  await viteBuild(vite, ctx, title);
  await mockWithMsw3(mockMsw3, ctx);
}

async function npmVersion(node) {
  return (await runAsync(node, [npmCli(), "--version"])).stdout.trim();
}
