// `pnpm spec:probe --write`: each operation that answered a valid success body gets it, redacted, as a
// named example `<operationId>Observed` (openapi/examples/<operationId>Observed.yaml, referenced from
// the operation's 200), and a PROPOSED/EQUIV operation is proposed as CONFIRMED (x-status, the
// description's Evidence sentence, and the catalog's status, which the spec check holds x-status to).
// Nothing is committed: the scheduled workflow opens a pull request for a person to review.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import YAML from "yaml";
import { SpecToolError } from "../errors.mjs";

const UPGRADABLE = new Set(["PROPOSED", "EQUIV"]);

/** The path file of each spec path, from tikhub.yaml's `paths` (`/user/info` → paths/user/get-info.yaml). */
function pathFiles(specDir) {
  const root = YAML.parse(readFileSync(join(specDir, "tikhub.yaml"), "utf8"));
  return new Map(Object.entries(root.paths ?? {}).map(([path, item]) => [path, item?.$ref ? join(specDir, item.$ref) : null]));
}

/**
 * @param {{ specDir: string, observed: { operationId, path, value, date }[] }} options
 * @returns {{ operationId, example: string, upgradedFrom?: string }[]}
 */
export function writeEvidence({ specDir, observed }) {
  const files = pathFiles(specDir);
  const catalogPath = join(specDir, "reference", "endpoints.json");
  const catalogText = existsSync(catalogPath) ? readFileSync(catalogPath, "utf8") : null;
  const catalog = catalogText ? JSON.parse(catalogText) : null;
  const written = [];
  for (const { operationId, path, value, date } of observed) {
    const file = files.get(path);
    if (!file || !existsSync(file))
      throw new SpecToolError(`--write: no path file for ${path} in ${join(specDir, "tikhub.yaml")} (only $ref'd path files can be written)`);
    const name = `${operationId}Observed`;
    const exampleFile = join(specDir, "examples", `${name}.yaml`);
    writeFileSync(exampleFile, YAML.stringify({ summary: `Observed from the live API on ${date} (redacted by pnpm spec:probe)`, value }, { lineWidth: 0 }));

    const doc = YAML.parseDocument(readFileSync(file, "utf8"));
    const examplesPath = ["get", "responses", "200", "content", "application/json", "examples"];
    if (!doc.hasIn(examplesPath)) throw new SpecToolError(`--write: ${relative(specDir, file)} has no 200 examples map to add ${name} to`);
    doc.setIn([...examplesPath, name], doc.createNode({ $ref: relative(dirname(file), exampleFile) }));
    const entry = { operationId, example: relative(specDir, exampleFile) };
    const status = doc.getIn(["get", "x-status"]);
    if (UPGRADABLE.has(status)) {
      doc.setIn(["get", "x-status"], "CONFIRMED");
      const description = doc.getIn(["get", "description"]);
      if (typeof description === "string") {
        const note = `Evidence: CONFIRMED by a live answer on ${date} (example \`${name}\`); before that ${status}`;
        doc.setIn(["get", "description"], description.replace(/Evidence: (PROPOSED|EQUIV)/, note));
      }
      const row = catalog?.endpoints?.find((e) => e.operation_id === operationId);
      if (row) row.status = "CONFIRMED";
      entry.upgradedFrom = status;
    }
    writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    written.push(entry);
  }
  if (catalog && written.some((w) => w.upgradedFrom)) writeFileSync(catalogPath, `${JSON.stringify(catalog, null, 2)}\n`);
  return written;
}
