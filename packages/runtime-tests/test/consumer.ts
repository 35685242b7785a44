// The packed client as a user gets it: `pnpm pack` of @tikhubapi/client and @tikhubapi/types (the
// client's one workspace dependency), `npm install` of the two tarballs into a throwaway project,
// plus the smoke files beside them: process-entry.mjs for Node/Bun/Deno, a worker bundle for workerd
// (esbuild, as wrangler bundles), and an ES-module page with an import map for Chromium (no bundler).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { npmEnv, pnpmPack, run } from "../../../scripts/packing.mjs";

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));
const smokeDir = fileURLToPath(new URL("../smoke/", import.meta.url));

export interface Consumer {
  dir: string;
  clientVersion: string;
  /** The worker bundle (packed client + cases) for workerd. */
  workerBundle: string;
  remove(): void;
}

export async function prepareConsumer(): Promise<Consumer> {
  const dir = mkdtempSync(join(tmpdir(), "tikhub-runtime-smoke-"));
  try {
    const tarballs = ["types", "client"].map((name) => {
      const packed = pnpmPack(join(packagesDir, name), dir);
      if (packed.status !== 0) throw new Error(`pnpm pack of packages/${name} failed (exit ${packed.status}):\n${packed.output}`);
      return packed.info.filename as string;
    });
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "tikhub-runtime-smoke", private: true, type: "module" }, null, 2)}\n`);
    const install = run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline", ...tarballs], {
      cwd: dir,
      env: npmEnv(),
      timeout: 180_000,
    });
    if (install.status !== 0) throw new Error(`npm install of the packed client failed (exit ${install.status}):\n${install.output}`);
    for (const file of ["cases.mjs", "process-entry.mjs", "worker-entry.mjs"]) copyFileSync(join(smokeDir, file), join(dir, file));
    const workerBundle = join(dir, "worker.bundle.mjs");
    await build({
      entryPoints: [join(dir, "worker-entry.mjs")],
      outfile: workerBundle,
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      logLevel: "silent",
    });
    writeFileSync(join(dir, "index.html"), browserPage(dir));
    const clientVersion = JSON.parse(readFileSync(join(dir, "node_modules/@tikhubapi/client/package.json"), "utf8")).version;
    return { dir, clientVersion, workerBundle, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** An import map from the installed packages' own `exports` (the browser's ESM entry), no bundler. */
function browserPage(dir: string): string {
  const esmEntry = (name: string) => {
    const manifest = JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8"));
    const dot = manifest.exports?.["."] ?? manifest.module ?? manifest.main;
    const entry = typeof dot === "string" ? dot : (dot.import?.default ?? dot.import ?? dot.default);
    return `/node_modules/${name}/${String(entry).replace(/^\.\//, "")}`;
  };
  const imports = { "@tikhubapi/client": esmEntry("@tikhubapi/client"), "openapi-fetch": esmEntry("openapi-fetch") };
  return `<!doctype html>
<meta charset="utf-8"><title>tikhub runtime smoke</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
  import * as client from "@tikhubapi/client";
  import { runSmoke } from "/cases.mjs";
  const config = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  runSmoke(client, config).then((result) => (window.smokeResult = result), (error) => (window.smokeResult = { error: String(error?.stack ?? error) }));
</script>
`;
}
