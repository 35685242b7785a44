// Release dry-run (`pnpm release:check`, which builds first). Publishes nothing. Checks:
//   1. changeset status since the base branch (origin/<baseBranch>, else <baseBranch>, or
//      RELEASE_CHECK_SINCE): fails if packages changed without a changeset; a repo with no commits
//      ahead (or no git history / no base branch) is reported and passes.
//   2. every public package under packages/: `pnpm pack` (workspace:* rewritten) into a temp dir;
//      the packed manifest must have no workspace: ranges; publint on the tarball (any warning or
//      error fails; suggestions are printed); attw on the same tarball (strict profile, see
//      ATTW_IGNORED below for the one tolerated case); stale files no entry point reaches (warned).
//   3. a throwaway consumer project: `npm install <the tarballs but @tikhubapi/msw> typescript@5.9.3` (npm's default
//      registry plus the local tarballs only; every @tikhubapi/* must come from a tarball), then
//      an ESM and a CJS script that start the installed mock on port 0 and call live.getInfo through
//      the installed client; every installed bin answers --help; a strict tsc check of a typed call
//      (ESM and CJS resolution), and a file missing a required parameter that must NOT compile.
//      msw (the mock's optional peer) is not installed at first: the scripts above run without it and
//      importing @tikhubapi/mock/msw must fail naming it; then `npm install msw@2 <@tikhubapi/msw>` and an
//      ESM and a CJS script run the client against createHandlers() under setupServer, the deprecated
//      @tikhubapi/mock/msw re-exporting it (and tsc checks that use).
//   4. today's consumers (scripts/release-consumers.mjs): fresh npm projects with the latest peers
//      (msw 3 and 2 alone with @tikhubapi/msw, TypeScript 7 nodenext/bundler, vitest 5 on Node 24,
//      a Vite production build opened in Chromium); no peer warning for our packages.
// Exit 1 naming the package and the problem on any failure. RELEASE_CHECK_KEEP=1 keeps the temp dir.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { npmEnv, pnpmPack, run } from "./packing.mjs";
import { TODAY, todaysConsumers } from "./release-consumers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), "tikhub-release-check-"));
const failures = []; // { pkg, problem }
const warnings = []; // { pkg, problem }
const summary = []; // { pkg, ...columns }
const fail = (pkg, problem) => failures.push({ pkg, problem });
const warn = (pkg, problem) => warnings.push({ pkg, problem });
const say = (line) => console.log(line);
const section = (title) => say(`\n── ${title}`);
const indent = (text, by = "    ") =>
  text
    .trim()
    .split("\n")
    .map((line) => by + line)
    .join("\n");

// attw problems tolerated, with why. Everything else attw reports fails the check.
// node10 (TypeScript's legacy `moduleResolution: node`) cannot see subpath exports at all, so a
// subpath such as "@tikhubapi/mock/openapi.json" can never resolve there; that costs a node10 user
// nothing at run time (Node resolves exports) and is reported as a warning, not a failure.
const ATTW_IGNORED = (problem) => problem.kind === "NoResolution" && problem.resolutionKind === "node10" && problem.entrypoint !== ".";

const git = (...args) => run("git", args, { cwd: root });

// ─────────────────────────────────────────────────────────────────────────────────────────────
// 1. changeset status
// ─────────────────────────────────────────────────────────────────────────────────────────────
async function changesetStatus() {
  section("changeset status");
  const config = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8"));
  const baseBranch = config.baseBranch ?? "main";
  const pending = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
  say(`  changesets in .changeset/: ${pending.length ? pending.join(", ") : "none"}`);
  // What `changeset version` would do with the changesets present now (no git needed). Read with the
  // CLI's own release-plan module, which @changesets/cli depends on.
  try {
    const requireFromCli = createRequire(createRequire(import.meta.url).resolve("@changesets/cli/package.json"));
    const getReleasePlan = requireFromCli("@changesets/get-release-plan");
    const plan = await (getReleasePlan.default ?? getReleasePlan)(root);
    const bumps = plan.releases.filter((r) => r.type !== "none").map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion}`);
    say(`  pending release (changeset version now): ${bumps.length ? bumps.join(", ") : "nothing to bump"}`);
  } catch (error) {
    say(`  pending release: could not be computed (${String(error?.message ?? error).split("\n")[0]})`);
  }
  if (git("rev-parse", "--verify", "--quiet", "HEAD").status !== 0) {
    say("  skipped: no git history (no commit yet), nothing to compare with");
    return;
  }
  const candidates = [process.env.RELEASE_CHECK_SINCE, `origin/${baseBranch}`, baseBranch].filter(Boolean);
  const since = candidates.find((ref) => git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`).status === 0);
  if (!since) {
    say(`  skipped: no base branch to compare with (tried ${candidates.join(", ")})`);
    return;
  }
  const ahead = Number(git("rev-list", "--count", `${since}..HEAD`).stdout.trim() || 0);
  const planPath = join(work, "changeset-status.json");
  const status = run(bin("changeset"), ["status", `--since=${since}`, `--output=${relative(root, planPath)}`], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const output = status.output.replace(/🦋\s+/g, "").trim();
  if (status.status !== 0 && ahead === 0) {
    // Nothing committed ahead of the base: what changeset saw is uncommitted work in the tree.
    warn(
      "changesets",
      `HEAD has no commits ahead of ${since}; \`changeset status\` counts uncommitted changes to packages without a changeset (add one with \`pnpm changeset\` before committing if they need a release):\n${indent(output)}`,
    );
    say(`  HEAD has no commits ahead of ${since}: nothing committed to check (uncommitted package changes: see warnings)`);
    return;
  }
  if (status.status !== 0) {
    fail(
      "changesets",
      `\`changeset status --since=${since}\` failed (exit ${status.status}): packages changed since ${since} without a changeset? Run \`pnpm changeset\`.\n${indent(output)}`,
    );
    return;
  }
  const plan = existsSync(planPath) ? JSON.parse(readFileSync(planPath, "utf8")) : { releases: [], changesets: [] };
  const bumps = plan.releases.filter((r) => r.type !== "none").map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion} (${r.type})`);
  if (ahead === 0) say(`  HEAD has no commits ahead of ${since}: no changed packages to check, and no changeset added since then`);
  else say(`  ${ahead} commit(s) ahead of ${since}; ${plan.changesets.length} changeset(s) added since then`);
  if (ahead > 0) say(`  bumps from the changesets added since ${since}: ${bumps.length ? bumps.join("; ") : "none"}`);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// 2. pack, publint, attw
// ─────────────────────────────────────────────────────────────────────────────────────────────
function publicPackages() {
  const dir = join(root, "packages");
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, "package.json")))
    .map((path) => ({ path, manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Every string in a package.json "exports"/"bin" value. */
function leaves(value) {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves);
  return [];
}

/** Published .js/.cjs/.mjs files that no entry point (exports, main, module, bin) reaches through relative imports. */
function unreachableFiles(pkgDir, manifest, files) {
  const entries = [...leaves(manifest.exports), ...leaves(manifest.bin), manifest.main, manifest.module, manifest.types]
    .filter(Boolean)
    .map((p) => posix.normalize(p.replace(/^\.\//, "")));
  const published = new Set(files);
  const seen = new Set();
  const queue = entries.filter((e) => published.has(e));
  const spec = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file)) continue;
    const text = readFileSync(join(pkgDir, file), "utf8");
    for (const [, target] of text.matchAll(spec)) {
      const base = posix.normalize(posix.join(posix.dirname(file), target));
      const candidates = [
        base,
        `${base}.js`,
        `${base}.cjs`,
        `${base}.mjs`,
        `${base}/index.js`,
        base.replace(/\.js$/, ".d.ts"),
        base.replace(/\.cjs$/, ".d.cts"),
      ];
      for (const candidate of candidates) if (published.has(candidate)) queue.push(candidate);
    }
  }
  return files.filter((f) => /\.(c|m)?js$/.test(f) && !seen.has(f));
}

async function checkPackage({ path, manifest }) {
  const name = manifest.name;
  const row = { pkg: `${name}@${manifest.version}`, pack: "-", publint: "-", attw: "-" };
  summary.push(row);
  const packDir = join(work, "tarballs");
  mkdirSync(packDir, { recursive: true });
  const packed = pnpmPack(path, packDir);
  if (packed.status !== 0) {
    fail(name, `pnpm pack failed (exit ${packed.status}):\n${indent(packed.output)}`);
    row.pack = "FAILED";
    return null;
  }
  const info = packed.info;
  const tarball = info.filename;
  const files = info.files.map((f) => f.path).sort();
  row.pack = `${files.length} files, ${(statSync(tarball).size / 1024).toFixed(1)} kB`;

  // What npm will see: the packed manifest, with workspace ranges rewritten.
  const unpacked = join(work, "unpacked", name.replace("/", "__"));
  mkdirSync(unpacked, { recursive: true });
  const untar = run("tar", ["xzf", tarball, "-C", unpacked, "--strip-components=1"]);
  if (untar.status !== 0) fail(name, `cannot unpack ${tarball}: ${untar.output}`);
  const packedManifest = JSON.parse(readFileSync(join(unpacked, "package.json"), "utf8"));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(packedManifest[field] ?? {})) {
      if (/^(workspace|link|file|portal):/.test(range)) fail(name, `packed ${field}.${dep} is "${range}": not installable from the registry`);
    }
  }
  for (const stale of unreachableFiles(unpacked, packedManifest, files)) {
    warn(
      name,
      `ships ${stale}, which no entry point (exports, main, module, bin) reaches: unused bytes (a stale chunk of an earlier build, or a format nothing loads)`,
    );
  }

  // publint on the tarball itself.
  const bytes = readFileSync(tarball);
  const lint = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
    strict: false,
  });
  const byType = { error: 0, warning: 0, suggestion: 0 };
  for (const message of lint.messages) {
    byType[message.type]++;
    const text = `publint ${message.type} ${message.code}: ${formatMessage(message, lint.pkg, { color: false }) ?? ""}`;
    if (message.type === "suggestion") say(`  ${name}: ${text} (suggestion, not a failure)`);
    else fail(name, text);
  }
  row.publint =
    byType.error || byType.warning
      ? `${byType.error} errors, ${byType.warning} warnings`
      : `ok${byType.suggestion ? ` (${byType.suggestion} suggestion)` : ""}`;

  // attw on the same tarball. Strict profile (node10, node16 CJS/ESM, bundler) for every package,
  // the types-only one included: see the note at the end of this file.
  const attw = run(bin("attw"), [tarball, "--format", "json", "--profile", "strict", "--no-definitely-typed"], {
    cwd: work,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let analysis;
  try {
    analysis = JSON.parse(attw.stdout);
  } catch {
    fail(name, `attw did not run (exit ${attw.status}):\n${indent(attw.output)}`);
    row.attw = "FAILED";
    return { name, tarball, manifest: packedManifest };
  }
  const problems = Object.values(analysis.problems ?? {}).flat();
  const counted = [];
  for (const problem of problems) {
    const where = [
      problem.entrypoint && `"${name}${problem.entrypoint === "." ? "" : problem.entrypoint.slice(1)}"`,
      problem.resolutionKind && `(${problem.resolutionKind})`,
      problem.fileName,
    ]
      .filter(Boolean)
      .join(" ");
    if (ATTW_IGNORED(problem)) warn(name, `attw ${problem.kind} ${where}: TypeScript's legacy node10 resolution cannot see subpath exports`);
    else {
      counted.push(problem);
      fail(name, `attw ${problem.kind} ${where}`);
    }
  }
  const kind = analysis.analysis?.types?.kind;
  row.attw = counted.length
    ? `${counted.length} problems`
    : `ok${problems.length ? ` (${problems.length} node10-subpath)` : ""}${kind === "included" && !leaves(packedManifest.exports).some((p) => /\.(c|m)?js$/.test(p)) ? ", types-only" : ""}`;
  return { name, tarball, manifest: packedManifest };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// 3. the consumer project
// ─────────────────────────────────────────────────────────────────────────────────────────────
// The msw 2 the Node 20 consumer installs with @tikhubapi/msw: the version the workspace tests with.
const MSW_VERSION = TODAY.msw2;
const ROOM = "7531095702089370381";
const HOST = "6796815426174960646";

/** The consumer script, the same calls in both module systems (ESM: import + top-level await; CJS: require). */
function consumerScript(module) {
  const body = `const mock = await startMock({ port: 0 });
try {
  const client = createTikHubClient({ baseUrl: mock.url, username: "demo", password: "demo", maxRetries: 0 });
  const live = await client.live.getInfo({ room_id: "${ROOM}", user_id: "${HOST}" });
  let typedError = "none";
  try {
    await client.live.getInfo({ room_id: "${ROOM}", user_id: "${HOST}" }, { headers: { Prefer: "code=401" } });
  } catch (error) {
    typedError = error instanceof AuthenticationError ? \`AuthenticationError \${error.status}\` : String(error);
  }
  console.log(JSON.stringify({ module: "${module}", mock: mock.url, keys: Object.keys(live.data).slice(0, 3), typedError }));
} finally {
  await mock.close();
}`;
  if (module === "esm") {
    return `import { createTikHubClient, AuthenticationError } from "@tikhubapi/client";
import { startMock } from "@tikhubapi/mock";

${body}
`;
  }
  return `const { createTikHubClient, AuthenticationError } = require("@tikhubapi/client");
const { startMock } = require("@tikhubapi/mock");

(async () => {
${body}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}

/** The MSW consumer script: the packed handlers under msw's setupServer, the packed client at its default base URL. */
function mswScript(module) {
  const body = `const server = setupServer(...createHandlers());
server.listen({ onUnhandledRequest: "error" });
try {
  const client = createTikHubClient({ username: "demo", password: "demo", maxRetries: 0 });
  const live = await client.live.getInfo({ room_id: "${ROOM}", user_id: "${HOST}" });
  let limited = "none";
  try {
    await client.live.getInfo({ room_id: "${ROOM}", user_id: "${HOST}" }, { headers: { Prefer: "code=429" } });
  } catch (error) {
    limited = error instanceof RateLimitError ? \`RateLimitError \${error.retryAfterMs} ms\` : String(error);
  }
  console.log(JSON.stringify({ module: "${module}", keys: Object.keys(live.data ?? {}).length, limited, deprecated: typeof deprecatedCreateHandlers === "function" && deprecatedCreateHandlers().length === createHandlers().length }));
} finally {
  server.close();
}`;
  if (module === "esm") {
    return `import { createTikHubClient, RateLimitError } from "@tikhubapi/client";
import { createHandlers } from "@tikhubapi/msw";
import { createHandlers as deprecatedCreateHandlers } from "@tikhubapi/mock/msw";
import { setupServer } from "msw/node";

${body}
`;
  }
  return `const { createTikHubClient, RateLimitError } = require("@tikhubapi/client");
const { createHandlers } = require("@tikhubapi/msw");
const { createHandlers: deprecatedCreateHandlers } = require("@tikhubapi/mock/msw");
const { setupServer } = require("msw/node");

(async () => {
${body}
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}

const TS_MSW = `import { createHandlers, type CreateHandlersOptions } from "@tikhubapi/msw";
import { setupServer } from "msw/node";

const options: CreateHandlersOptions = { baseUrl: "http://127.0.0.1:4010", latency: "100-200", rateLimit: 5, failRate: 0.1 };
export const server = setupServer(...createHandlers(options));
`;

const TS_CALL = (file) => `import { createTikHubClient, TikHubError, type Data } from "@tikhubapi/client";

const client = createTikHubClient({ baseUrl: "http://127.0.0.1:4010", username: "demo", password: "demo" });

export async function ${file}(): Promise<string | undefined> {
  const live: Data<"liveGetInfo"> = await client.live.getInfo({ room_id: "${ROOM}", user_id: "${HOST}" });
  const title: string | undefined = live.data.title;
  const raw = await client.GET("/live/info", { params: { query: { room_id: "${ROOM}", user_id: "${HOST}" } } });
  const code: number | undefined = raw.data?.code;
  for await (const comment of client.video.getComments.iterate({ video_id: "7560802497552567582" }, { maxPages: 1 })) {
    const text: string | undefined = comment.text;
    void text;
  }
  try {
    await client.live.checkAlive({ room_id: "${ROOM}" });
  } catch (error) {
    if (error instanceof TikHubError) return \`\${error.status}\`;
  }
  return title ?? String(code);
}
`;

const TS_MISSING_PARAM = `import { createTikHubClient } from "@tikhubapi/client";

const client = createTikHubClient({ baseUrl: "http://127.0.0.1:4010" });

// user_id is required by GET /live/info: this must not compile.
export const live = client.live.getInfo({ room_id: "${ROOM}" });
`;

const TSCONFIG = (files) => ({
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    lib: ["es2022", "dom"],
    types: [],
    skipLibCheck: false,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
  },
  files,
});

/** Every @tikhubapi package in the project must come from a local tarball, never from a registry. */
function fromTarballsOnly(dir) {
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    if (!/node_modules\/@tikhubapi\//.test(location)) continue;
    const resolved = entry.resolved ?? "";
    if (!resolved.startsWith("file:"))
      fail(
        location.replace(/^.*node_modules\//, ""),
        `installed from "${resolved || "?"}" instead of a local tarball (a registry copy shadowed the packed one)`,
      );
  }
}

function consumer(packed) {
  section("consumer project (npm install of the tarballs)");
  const dir = join(work, "consumer");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "tikhub-release-consumer", version: "0.0.0", private: true }, null, 2)}\n`);
  // @tikhubapi/msw (whose msw peer is required, so npm would install msw with it) comes later, with msw.
  const first = packed.filter((p) => p.name !== "@tikhubapi/msw");
  const mswPackage = packed.find((p) => p.name === "@tikhubapi/msw");
  const installStarted = Date.now();
  const install = run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline", ...first.map((p) => p.tarball), "typescript@5.9.3"],
    { cwd: dir, env: npmEnv(), timeout: 300_000 },
  );
  if (install.status !== 0) {
    fail("consumer", `npm install of the tarballs failed (exit ${install.status}):\n${indent(install.output)}`);
    return;
  }
  say(`  npm install: ${first.map((p) => p.name).join(", ")} + typescript@5.9.3 in ${((Date.now() - installStarted) / 1000).toFixed(1)} s`);
  fromTarballsOnly(dir);

  const env = npmEnv();
  for (const [file, text, label] of [
    ["esm.mjs", consumerScript("esm"), "ESM import"],
    ["cjs.cjs", consumerScript("cjs"), "CJS require"],
  ]) {
    writeFileSync(join(dir, file), text);
    const result = run(process.execPath, [file], { cwd: dir, env, timeout: 90_000 });
    const line = result.stdout.trim().split("\n").pop() ?? "";
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {}
    if (result.status !== 0 || !parsed?.keys?.includes("AnchorABMap")) {
      fail(
        "consumer",
        `${label} of @tikhubapi/client + @tikhubapi/mock did not get the live-info example (exit ${result.status}):\n${indent(result.output || String(result.error))}`,
      );
      continue;
    }
    if (parsed.typedError !== "AuthenticationError 401")
      fail("@tikhubapi/client", `${label}: a 401 did not arrive as AuthenticationError (got ${parsed.typedError})`);
    say(`  ${label}: live.getInfo via installed mock ${parsed.mock} → data.${parsed.keys.join(", data.")}, …; Prefer: code=401 → ${parsed.typedError}`);
  }

  // Every bin of every installed package answers --help.
  for (const { name, manifest } of packed) {
    const bins = typeof manifest.bin === "string" ? { [name.split("/").pop()]: manifest.bin } : (manifest.bin ?? {});
    for (const binName of Object.keys(bins)) {
      const result = run(join(dir, "node_modules", ".bin", binName), ["--help"], { cwd: dir, env, timeout: 30_000 });
      if (result.status !== 0) fail(name, `bin \`${binName} --help\` exited ${result.status}:\n${indent(result.output || String(result.error))}`);
      else say(`  ${binName} --help: ok (${result.stdout.trim().split("\n")[0].slice(0, 80)})`);
    }
  }

  // msw is an optional peer: not installed yet, so the scripts above ran without it; the /msw
  // subpath alone asks for it, by name. Then with msw installed, the handlers under setupServer.
  const withoutMsw = run(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import("@tikhubapi/mock/msw").then(() => console.log("loaded"), (e) => console.log(e.code + " " + e.message.split("\\n")[0]))`,
    ],
    { cwd: dir, env },
  );
  if (!/ERR_MODULE_NOT_FOUND .*'msw'/.test(withoutMsw.stdout))
    fail("@tikhubapi/mock", `without msw installed, importing @tikhubapi/mock/msw should fail naming msw; got: ${withoutMsw.output.trim() || "(nothing)"}`);
  else say(`  without msw: @tikhubapi/mock and @tikhubapi/client load; @tikhubapi/mock/msw → ${withoutMsw.stdout.trim().slice(0, 100)}`);
  const mswInstall = run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline", `msw@${MSW_VERSION}`, ...(mswPackage ? [mswPackage.tarball] : [])],
    { cwd: dir, env: npmEnv(), timeout: 300_000 },
  );
  if (mswInstall.status !== 0)
    fail("consumer", `npm install msw@${MSW_VERSION} + @tikhubapi/msw failed (exit ${mswInstall.status}):\n${indent(mswInstall.output)}`);
  else {
    fromTarballsOnly(dir);
    for (const [file, text, label] of [
      ["msw-esm.mjs", mswScript("esm"), "ESM import"],
      ["msw-cjs.cjs", mswScript("cjs"), "CJS require"],
    ]) {
      writeFileSync(join(dir, file), text);
      const result = run(process.execPath, [file], { cwd: dir, env, timeout: 90_000 });
      let parsed;
      try {
        parsed = JSON.parse(result.stdout.trim().split("\n").pop() ?? "");
      } catch {}
      if (result.status !== 0 || !(parsed?.keys > 0) || parsed.limited !== "RateLimitError 30000 ms" || parsed.deprecated !== true) {
        fail(
          "@tikhubapi/msw",
          `${label} of @tikhubapi/msw under msw ${MSW_VERSION}'s setupServer did not answer the client as expected, or @tikhubapi/mock/msw did not re-export it (exit ${result.status}):\n${indent(result.output || String(result.error))}`,
        );
      } else
        say(
          `  ${label} of @tikhubapi/msw (msw ${MSW_VERSION} setupServer, client at its default base URL): live.getInfo → ${parsed.keys} room fields; Prefer: code=429 → ${parsed.limited}; @tikhubapi/mock/msw (deprecated) re-exports it`,
        );
    }
    writeFileSync(join(dir, "msw.mts"), TS_MSW);
    writeFileSync(join(dir, "msw.cts"), TS_MSW);
  }

  // Strict TypeScript: a typed call compiles (ESM and CJS resolution); a missing required parameter does not.
  const tsc = join(dir, "node_modules", "typescript", "bin", "tsc");
  writeFileSync(join(dir, "ok.mts"), TS_CALL("esmCall"));
  writeFileSync(join(dir, "ok.cts"), TS_CALL("cjsCall"));
  writeFileSync(join(dir, "missing-param.mts"), TS_MISSING_PARAM);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(TSCONFIG(["ok.mts", "ok.cts", ...(existsSync(join(dir, "msw.mts")) ? ["msw.mts", "msw.cts"] : [])]), null, 2),
  );
  writeFileSync(join(dir, "tsconfig.missing-param.json"), JSON.stringify(TSCONFIG(["missing-param.mts"]), null, 2));
  const ok = run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir, env });
  if (ok.status !== 0) fail("@tikhubapi/client", `strict tsc of a typed call failed (exit ${ok.status}):\n${indent(ok.output)}`);
  else say("  tsc --strict (nodenext, ESM .mts + CJS .cts, skipLibCheck off): typed calls and createHandlers() under msw compile");
  const bad = run(process.execPath, [tsc, "-p", "tsconfig.missing-param.json"], { cwd: dir, env });
  const firstError = bad.output.split("\n").find((l) => /user_id/.test(l)) ?? "";
  if (bad.status === 0) fail("@tikhubapi/client", "a call of live.getInfo without its required user_id compiled: the types do not require it");
  else if (!/user_id/.test(bad.output)) fail("@tikhubapi/client", `tsc rejected the missing-parameter file but did not name user_id:\n${indent(bad.output)}`);
  else say(`  tsc rejects live.getInfo without user_id (exit ${bad.status}): ${firstError.trim().slice(0, 160)}`);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
try {
  await changesetStatus();
  const packages = publicPackages();
  section(`pack, publint, attw: ${packages.map((p) => p.manifest.name).join(", ")}`);
  const packed = [];
  for (const pkg of packages) {
    const result = await checkPackage(pkg);
    if (result) packed.push(result);
  }
  if (packed.length === packages.length && packed.length > 0) {
    consumer(packed);
    section(
      `today's consumers: npm install of the tarballs with the latest peers (TypeScript ${TODAY.typescript}, vitest ${TODAY.vitest}, Vite ${TODAY.vite}, msw ${TODAY.msw3} / ${TODAY.msw2})`,
    );
    await todaysConsumers(packed, work, { fail, say, indent, fromTarballsOnly });
  } else fail("consumer", "skipped: not every public package packed");
} catch (error) {
  fail("release-check", String(error?.stack ?? error));
} finally {
  if (process.env.RELEASE_CHECK_KEEP) say(`\n(kept ${work})`);
  else rmSync(work, { recursive: true, force: true });
}

section("summary");
const columns = ["pkg", "pack", "publint", "attw"];
const widths = Object.fromEntries(columns.map((c) => [c, Math.max(c.length, ...summary.map((r) => String(r[c]).length))]));
say(`  ${columns.map((c) => c.padEnd(widths[c])).join("  ")}`);
for (const r of summary) say(`  ${columns.map((c) => String(r[c]).padEnd(widths[c])).join("  ")}`);
for (const { pkg, problem } of warnings) say(`  warning  ${pkg}: ${problem}`);
for (const { pkg, problem } of failures) say(`  FAIL     ${pkg}: ${problem}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
// One test in the shape scripts/run-tests.mjs adds up; a cached output of the `//#test:release` task.
mkdirSync(join(root, ".test-results"), { recursive: true });
writeFileSync(
  join(root, ".test-results", "release-check.json"),
  JSON.stringify({ numPassedTests: failures.length ? 0 : 1, numFailedTests: failures.length ? 1 : 0 }),
);
if (failures.length) {
  say(`\nrelease:check FAILED: ${failures.length} problem(s), ${warnings.length} warning(s) in ${seconds} s`);
  process.exit(1);
}
say(`\nrelease:check passed: ${summary.length} packages, ${warnings.length} warning(s) in ${seconds} s`);

// Note on the types-only package (@tikhubapi/types): attw checks how TypeScript resolves each entry
// point under node10, node16 (from CJS and from ESM) and bundler; there is no JavaScript to check.
// The package maps "import" to dist/index.d.ts and "require" to dist/index.d.cts (plus top-level
// "types"), so it resolves to ESM types from ESM and CJS types from CJS in every mode and passes the
// strict profile as is: no rule is ignored for it. (--profile esm-only would only be right for a
// package without CJS types; --no-definitely-typed keeps attw from looking up an @types package.)
