// Live drift: calls a small fixed sample of cheap operations on an API (the real one, or a fake
// upstream in tests), validates each answer against the spec and reports what differs.
import { writeFileSync } from "node:fs";
import { createTikHubClient } from "@tikhubapi/client";
import { deref } from "@tikhubapi/spec/model";
import { DEFAULT_BASE_URL } from "@tikhubapi/spec/runtime";
import { expand } from "@tikhubapi/spec/schema-walk";
import { type ContractOperation, operations, spec, validator } from "./operations.js";

/** Key info first (free; proves the credentials), then a few cheap reads. */
export const LIVE_SAMPLE = ["keyGetInfo", "userGetInfo", "videoGetInfo", "videoGetMusicInfo", "searchHashtags"] as const;

export interface DriftEntry {
  operationId: string;
  path: string;
  status: number | null;
  /** Transport or client error, when no HTTP answer was had. */
  error?: string;
  statusMismatch: boolean;
  schemaErrors: string[];
  /** Fields the API sent that the spec does not declare (dotted paths, `[]` for array items). */
  fieldsSeenNotInSpec: string[];
  /** Fields the spec declares that the API did not send. */
  specFieldsMissing: string[];
}

export interface DriftReport {
  baseUrl: string;
  generatedAt: string;
  operations: DriftEntry[];
  summary: { checked: number; drifted: number; statusMismatches: number; fieldsSeenNotInSpec: number; specFieldsMissing: number };
}

function propertiesOf(schemaNode: unknown): { properties: Record<string, unknown>; items?: unknown } {
  const properties: Record<string, unknown> = {};
  let items: unknown;
  // Every part of allOf / oneOf / anyOf (a 200 is oneOf the success envelope and the risk-control one).
  for (const part of expand(spec, schemaNode) as Record<string, unknown>[]) {
    // The first declaration wins, except over the risk-control envelope's `data: null`.
    for (const [key, sub] of Object.entries((part.properties ?? {}) as Record<string, unknown>)) {
      if (!(key in properties) || (deref(spec, properties[key]) as { type?: unknown })?.type === "null") properties[key] = sub;
    }
    items ??= part.items;
  }
  return { properties, items };
}

/** Walks a body beside its schema: fields sent but not declared, and declared but not sent. */
export function compareFields(value: unknown, schemaNode: unknown, path = ""): { unknown: string[]; missing: string[] } {
  const out = { unknown: [] as string[], missing: [] as string[] };
  if (schemaNode === undefined) return out;
  const { properties, items } = propertiesOf(schemaNode);
  if (Array.isArray(value)) {
    const seen = new Set<string>();
    const missingEverywhere = new Map<string, number>();
    for (const item of value) {
      const sub = compareFields(item, items, `${path}[]`);
      for (const u of sub.unknown) seen.add(u);
      for (const m of sub.missing) missingEverywhere.set(m, (missingEverywhere.get(m) ?? 0) + 1);
    }
    out.unknown.push(...seen);
    out.missing.push(...[...missingEverywhere].filter(([, n]) => n === value.length).map(([m]) => m));
    return out;
  }
  if (!value || typeof value !== "object") return out;
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!(key in properties)) out.unknown.push(childPath);
    else {
      const sub = compareFields(child, properties[key], childPath);
      out.unknown.push(...sub.unknown);
      out.missing.push(...sub.missing);
    }
  }
  for (const key of Object.keys(properties)) if (!(key in record)) out.missing.push(path ? `${path}.${key}` : key);
  return out;
}

export async function runDrift(options: {
  baseUrl?: string;
  username: string;
  password: string;
  sample?: readonly string[];
  reportPath?: string;
}): Promise<DriftReport> {
  // The last raw answer, as sent (a holder object: TypeScript does not see assignments in the callback).
  const recorded: { last?: { status: number; text: string } } = {};
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    recorded.last = { status: response.status, text: await response.clone().text() };
    return response;
  };
  const takeRecorded = () => {
    const last = recorded.last;
    recorded.last = undefined;
    return last;
  };
  const client = createTikHubClient({
    username: options.username,
    password: options.password,
    baseUrl: options.baseUrl,
    maxRetries: 0,
    timeoutMs: 30_000,
    fetch: recordingFetch,
  }) as unknown as Record<string, Record<string, (params: object) => Promise<unknown>>>;
  const entries: DriftEntry[] = [];
  for (const id of options.sample ?? LIVE_SAMPLE) {
    const op = operations.find((o) => o.id === id) as ContractOperation;
    if (!op) throw new Error(`drift sample names unknown operation ${id}`);
    let error: string | undefined;
    try {
      await client[op.namespace][op.method](op.exampleParams);
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message}`;
    }
    const last = takeRecorded();
    const entry: DriftEntry = {
      operationId: id,
      path: op.path,
      status: last?.status ?? null,
      statusMismatch: last?.status !== 200,
      schemaErrors: [],
      fieldsSeenNotInSpec: [],
      specFieldsMissing: [],
    };
    if (error) entry.error = error;
    if (last) {
      let body: unknown;
      try {
        body = JSON.parse(last.text);
      } catch {
        entry.schemaErrors.push(`body is not JSON: ${last.text.slice(0, 120)}`);
      }
      if (body !== undefined) {
        const status = op.statuses.includes(last.status) ? last.status : 200;
        entry.schemaErrors = validator.validateResponse(id, status, body).errors;
        const schema = (deref(spec, spec.paths[op.path].get.responses[String(status)]) as { content: Record<string, { schema: unknown }> }).content[
          "application/json"
        ].schema;
        const fields = compareFields(body, schema);
        entry.fieldsSeenNotInSpec = fields.unknown;
        entry.specFieldsMissing = fields.missing;
      }
    }
    entries.push(entry);
    if (id === "keyGetInfo" && (last?.status === 401 || last?.status === 428)) break;
  }
  const report: DriftReport = {
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    generatedAt: new Date().toISOString(),
    operations: entries,
    summary: {
      checked: entries.length,
      drifted: entries.filter((e) => e.statusMismatch || e.schemaErrors.length || e.fieldsSeenNotInSpec.length || e.specFieldsMissing.length).length,
      statusMismatches: entries.filter((e) => e.statusMismatch).length,
      fieldsSeenNotInSpec: entries.reduce((n, e) => n + e.fieldsSeenNotInSpec.length, 0),
      specFieldsMissing: entries.reduce((n, e) => n + e.specFieldsMissing.length, 0),
    },
  };
  if (options.reportPath) writeFileSync(options.reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
