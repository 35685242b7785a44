// `pnpm spec:probe` against a local fake upstream: the real mock (Prism, @tikhubapi/mock) on 127.0.0.1
// serving a deliberately drifted copy of the spec. The report must list exactly the drifts made, and
// `--write` must add only redacted, valid observed examples with no credential anywhere.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock } from "@tikhubapi/mock";
import { buildModel } from "@tikhubapi/spec/model";
import { basicToken } from "@tikhubapi/spec/runtime";
import { loadSpec } from "@tikhubapi/spec/spec";
import { createSpecValidator } from "@tikhubapi/spec/validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRedocly } from "../../../scripts/run-redocly.mjs";
import { runSpecProbe } from "../src/spec-probe.mjs";
import { repoRoot, sh } from "./temp-repo.mjs";

const USERNAME = "probe-user";
const PASSWORD = "s3cret-Pa55-word";
const spec = loadSpec();
const example = (drifted, name) => drifted.components.examples[name].value;

/** The drifts, each on its own operation. */
function drift(original) {
  const drifted = structuredClone(original);
  const extract = example(drifted, "userExtractUserId").data; // renamed: user_id → userId
  extract.userId = extract.user_id;
  delete extract.user_id;
  example(drifted, "keyGetInfo").data.daily_limit = "10000"; // type changed: integer → string
  example(drifted, "userGetRegion").data.region_name = "Korea"; // an undeclared field
  delete example(drifted, "shopExtractProductId").data.region; // a required field missing
  delete drifted.paths["/user/showcase"]; // answers 404
  return drifted;
}

let mock;
let work;
let run;
const output = [];
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "spec-probe-"));
  const driftedPath = join(work, "drifted.json");
  writeFileSync(driftedPath, JSON.stringify(drift(spec)));
  mock = await startMock({ port: 0, specPath: driftedPath });
  expect(new URL(mock.url).hostname).toBe("127.0.0.1");
  // --write goes to a copy of openapi/ as committed.
  const tar = join(work, "openapi.tar");
  sh(repoRoot, "git", ["archive", "--format=tar", "-o", tar, "HEAD", "openapi"]);
  sh(work, "tar", ["-xf", tar]);
  run = await runSpecProbe(["--write", "--spec-dir", join(work, "openapi"), "--report", join(work, "report.json")], {
    env: { TIKHUB_USERNAME: USERNAME, TIKHUB_PASSWORD: PASSWORD, TIKHUB_BASE_URL: mock.url },
    log: (line) => output.push(line),
    now: new Date("2026-12-07T04:00:00Z"),
  });
  // The drifted operations and the totals (the 45 clean lines and the --write list are in the JSON report).
  console.log(output.filter((line) => !/: 200 ok$|Observed\.yaml/.test(line)).join("\n"));
}, 240_000);
afterAll(async () => {
  await mock?.close();
});

describe("the report", () => {
  it("lists exactly the drifts made, each on its operation", () => {
    const drifted = run.report.operations.filter((e) => e.outcome !== "ok");
    const byId = Object.fromEntries(drifted.map((e) => [e.operationId, e]));
    expect(Object.keys(byId).sort()).toEqual(["keyGetInfo", "shopExtractProductId", "userCheckShowcase", "userExtractUserId", "userGetRegion"]);

    expect(byId.userExtractUserId).toMatchObject({ status: 200, outcome: "drift", undeclaredFields: ["data.userId"], missingRequiredFields: ["data.user_id"] });
    expect(byId.userExtractUserId.schemaErrors).toEqual(["/data must have required property 'user_id'"]);

    expect(byId.keyGetInfo).toMatchObject({ status: 200, outcome: "drift", undeclaredFields: [], missingRequiredFields: [] });
    expect(byId.keyGetInfo.schemaErrors).toEqual(["/data/daily_limit must be integer"]);

    expect(byId.userGetRegion).toMatchObject({
      status: 200,
      outcome: "drift",
      schemaErrors: [],
      undeclaredFields: ["data.region_name"],
      missingRequiredFields: [],
    });

    expect(byId.shopExtractProductId).toMatchObject({ status: 200, outcome: "drift", undeclaredFields: [], missingRequiredFields: ["data.region"] });
    expect(byId.shopExtractProductId.schemaErrors).toEqual(["/data must have required property 'region'"]);

    expect(byId.userCheckShowcase).toMatchObject({ status: 404, outcome: "drift", undeclaredFields: [], missingRequiredFields: [] });
    expect(byId.userCheckShowcase.schemaErrors).toEqual([expect.stringMatching(/^status 404 is not documented/)]);

    const ok = run.report.operations.filter((e) => e.outcome === "ok");
    expect(ok).toHaveLength(spec && buildModel(spec).length - 5);
    for (const e of ok) expect(e).toMatchObject({ status: 200, schemaErrors: [], undeclaredFields: [], missingRequiredFields: [] });
  });

  it("spent one call per operation and says so; the JSON report is the one returned", () => {
    const operations = buildModel(spec).length;
    expect(run.report).toMatchObject({ budget: operations, calls: operations, baseUrl: mock.url });
    expect(run.report.summary).toEqual({ operations, ok: operations - 5, drift: 5, noEvidence: 0, error: 0, skipped: 0 });
    expect(JSON.parse(readFileSync(run.reportPath, "utf8"))).toEqual(JSON.parse(JSON.stringify(run.report)));
    expect(output.join("\n")).toContain("GET /api/info (keyGetInfo): 200 drift\n    schema: /data/daily_limit must be integer");
    expect(output.join("\n")).toContain(`report: ${run.reportPath}`);
  });
});

describe("--write", () => {
  const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

  it("adds an observed example for every valid answer and none for a drifted one", () => {
    const written = run.report.written.map((w) => w.operationId).sort();
    expect(written).toEqual(
      run.report.operations
        .filter((e) => e.outcome === "ok")
        .map((e) => e.operationId)
        .sort(),
    );
    for (const id of ["keyGetInfo", "userExtractUserId", "userGetRegion", "shopExtractProductId", "userCheckShowcase"]) expect(written).not.toContain(id);
    const followers = readFileSync(join(work, "openapi", "paths", "user", "get-followers.yaml"), "utf8");
    expect(followers).toContain("userGetFollowersObserved:\n              $ref: ../../examples/userGetFollowersObserved.yaml");
    expect(followers).toContain("x-status: CONFIRMED");
    expect(followers).toContain("tags: [User]");
    const catalog = JSON.parse(readFileSync(join(work, "openapi", "reference", "endpoints.json"), "utf8"));
    expect(catalog.endpoints.find((e) => e.operation_id === "userGetFollowers").status).toBe("CONFIRMED");
    expect(catalog.endpoints.find((e) => e.operation_id === "keyGetInfo").status).toBe("PROPOSED");
  });

  it("writes no credential, in any form, anywhere", () => {
    const forms = [USERNAME, PASSWORD, encodeURIComponent(PASSWORD), basicToken(USERNAME, PASSWORD)];
    for (const file of [
      ...files(join(work, "openapi", "examples")),
      ...files(join(work, "openapi", "paths")),
      join(work, "openapi", "reference", "endpoints.json"),
      run.reportPath,
    ]) {
      const text = readFileSync(file, "utf8");
      for (const form of forms) expect(text.includes(form), `${file} holds a credential`).toBe(false);
    }
  });

  it("leaves a spec that bundles, whose observed examples validate and whose model builds", () => {
    const out = join(work, "bundle.json");
    const { status, output: log } = runRedocly([
      "bundle",
      join(work, "openapi", "tikhub.yaml"),
      "-o",
      out,
      "--ext",
      "json",
      "--config",
      join(work, "openapi", "redocly.yaml"),
    ]);
    expect(status, log).toBe(0);
    const bundle = JSON.parse(readFileSync(out, "utf8"));
    const validator = createSpecValidator(bundle);
    const observed = Object.keys(bundle.components.examples).filter((n) => n.endsWith("Observed"));
    expect(observed).toHaveLength(run.report.written.length);
    for (const name of observed) {
      const id = name.replace(/Observed$/, "");
      expect(validator.validateResponse(id, 200, bundle.components.examples[name].value).errors, name).toEqual([]);
      expect(bundle.components.examples[name].summary).toBe("Observed from the live API on 2026-12-07 (redacted by pnpm spec:probe)");
    }
    expect(buildModel(bundle).filter((o) => o.evidence === "CONFIRMED").length).toBe(1 + run.report.written.filter((w) => w.upgradedFrom).length);
  });
});

describe("refusals", () => {
  it("without credentials, with a bad TIKHUB_BASE_URL or budget, each with a clear message", async () => {
    await expect(runSpecProbe([], { env: {} })).rejects.toThrow(/refusing to run without credentials: set TIKHUB_USERNAME and TIKHUB_PASSWORD/);
    await expect(runSpecProbe([], { env: { TIKHUB_USERNAME: "u" } })).rejects.toThrow(/without credentials/);
    const env = { TIKHUB_USERNAME: USERNAME, TIKHUB_PASSWORD: PASSWORD };
    await expect(runSpecProbe([], { env: { ...env, TIKHUB_BASE_URL: `http://${USERNAME}:${PASSWORD}@127.0.0.1:9` } })).rejects.toThrow(
      /must not contain a user name or password/,
    );
    await expect(runSpecProbe([], { env: { ...env, TIKHUB_BASE_URL: "ftp://x" } })).rejects.toThrow(/TIKHUB_BASE_URL must be an http\(s\) URL/);
    await expect(runSpecProbe(["--budget", "0"], { env })).rejects.toThrow(/--budget must be a whole number of calls ≥ 1/);
    await expect(runSpecProbe(["--only", "noSuchOperation"], { env })).rejects.toThrow(/--only names no operation of the spec: noSuchOperation/);
  });

  it("an upstream that refuses connections: each call fails with the client's typed error, nothing crashes", async () => {
    const { report } = await runSpecProbe(["--budget", "2", "--report", join(work, "refused.json")], {
      env: { TIKHUB_USERNAME: USERNAME, TIKHUB_PASSWORD: PASSWORD, TIKHUB_BASE_URL: "http://127.0.0.1:9" },
      log: () => {},
    });
    expect(report.calls).toBe(2);
    const [first, second] = report.operations;
    for (const e of [first, second]) expect(e).toMatchObject({ outcome: "error", status: null, error: expect.stringMatching(/^\w+Error: /) });
    expect(report.summary).toMatchObject({ error: 2, skipped: report.operations.length - 2 });
  }, 60_000);

  it("a budget smaller than the operations skips the rest and says why", async () => {
    const { report } = await runSpecProbe(["--budget", "2", "--report", join(work, "small.json")], {
      env: { TIKHUB_USERNAME: USERNAME, TIKHUB_PASSWORD: PASSWORD, TIKHUB_BASE_URL: mock.url },
      log: () => {},
    });
    expect(report.calls).toBe(2);
    expect(report.summary.skipped).toBe(report.operations.length - 2);
    expect(report.operations.at(-1).note).toBe("request budget of 2 spent");
  }, 60_000);
});
