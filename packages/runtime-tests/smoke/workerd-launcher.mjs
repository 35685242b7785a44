// Runs the bundled worker in workerd through Miniflare (run with Node 22: miniflare 4 needs >= 22).
// argv: <miniflare entry> <worker bundle> <config JSON>. Prints one SMOKE_RESULT line.
import { pathToFileURL } from "node:url";

const [miniflareEntry, scriptPath, config] = process.argv.slice(2);
const { Miniflare } = await import(pathToFileURL(miniflareEntry).href);
const mf = new Miniflare({ modules: true, scriptPath, compatibilityDate: "2026-07-01" });
try {
  const response = await mf.dispatchFetch("http://smoke.local/", { method: "POST", body: config });
  const text = await response.text();
  if (!response.ok) throw new Error(`worker answered ${response.status}: ${text.slice(0, 2000)}`);
  console.log(`SMOKE_RESULT ${text}`);
} finally {
  await mf.dispose();
}
