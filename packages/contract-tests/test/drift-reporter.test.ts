// The drift reporter itself, against a fake upstream on 127.0.0.1 that answers drifted bodies.

import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runDrift } from "../src/drift.js";

let upstream: Server;
let baseUrl: string;
const seenAuth: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seenAuth.push(req.headers.authorization ?? "");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    res.setHeader("content-type", "application/json");
    if (path === "/api/v1/api/info") {
      // Drifted: plan missing, daily_limit now a string, a new field quota_reset_at.
      return res.end(
        JSON.stringify({
          code: 0,
          msg: "success",
          data: { username: "acme", expire_time: 1798761599, daily_limit: "10000", used_today: 5, remaining: 9995, quota_reset_at: 1764115200 },
        }),
      );
    }
    if (path === "/api/v1/user/info") {
      res.statusCode = 503;
      return res.end(JSON.stringify({ code: 503, msg: "upstream down", data: null }));
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ code: 404, msg: "not found", data: null }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

it("reports fields seen but not in the spec, spec fields missing, schema errors and status mismatches", async () => {
  const reportPath = join(mkdtempSync(join(tmpdir(), "drift-")), "drift-report.json");
  const report = await runDrift({ baseUrl, username: "demo", password: "hunter2-secret", sample: ["keyGetInfo", "userGetInfo"], reportPath });
  const [key, user] = report.operations;
  expect(key).toMatchObject({ operationId: "keyGetInfo", status: 200, statusMismatch: false });
  expect(key.fieldsSeenNotInSpec).toEqual(["data.quota_reset_at"]);
  expect(key.specFieldsMissing).toEqual(["data.plan"]);
  expect(key.schemaErrors.join("\n")).toMatch(/\/data\/daily_limit must be integer/);
  expect(user).toMatchObject({ operationId: "userGetInfo", status: 503, statusMismatch: true });
  expect(user.error).toMatch(/^ServerError/);
  expect(report.summary).toMatchObject({ checked: 2, drifted: 2, statusMismatches: 1, fieldsSeenNotInSpec: 1 });
  const written = readFileSync(reportPath, "utf8");
  expect(JSON.parse(written)).toEqual(report);
  expect(written).not.toContain("hunter2-secret");
  expect(seenAuth[0]).toBe(`Basic ${Buffer.from("demo:hunter2-secret").toString("base64")}`);
});

it("reports an example body that matches the spec as clean", async () => {
  const { compareFields } = await import("../src/drift.js");
  const { spec } = await import("../src/operations.js");
  const example = spec.components.examples.keyGetInfo.value;
  const schema = spec.paths["/api/info"].get.responses["200"].content["application/json"].schema;
  expect(compareFields(example, schema)).toEqual({ unknown: [], missing: [] });
});
