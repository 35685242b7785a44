// Ships the bundled spec inside the package (dist/openapi.json), so the published mock needs nothing else.
import { copyFileSync, mkdirSync } from "node:fs";

const from = new URL("../../../openapi/dist/openapi.json", import.meta.url);
const to = new URL("../dist/openapi.json", import.meta.url);
mkdirSync(new URL("../dist/", import.meta.url), { recursive: true });
try {
  copyFileSync(from, to);
} catch (error) {
  console.error(`copy-spec: cannot copy ${from.pathname} (${error.code}); run \`pnpm build\` from the repo root.`);
  process.exit(1);
}
console.log("copy-spec: wrote dist/openapi.json");
