import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildModel, buildSections, clientNames, cliFlag, cliNames, kebab, ModelError, type OperationModel } from "../src/model.js";

/** JSON fixtures, edited freely by each case. */
// biome-ignore lint/suspicious/noExplicitAny: the tests build and mutate raw spec JSON on purpose
type Json = Record<string, any>;

const bundle: Json = JSON.parse(readFileSync(new URL("../dist/openapi.json", import.meta.url), "utf8"));

/** A minimal spec of one GET operation; `edit` changes the operation object. */
function specWith(edit: (op: Json) => void = () => {}, extra: Json = {}): Json {
  const op: Json = {
    operationId: "liveGetInfo",
    tags: ["Live"],
    summary: "Get live room info",
    "x-status": "CONFIRMED",
    parameters: [
      { name: "room_id", in: "query", required: true, example: "7531095702089370381", schema: { type: "string", minLength: 1, pattern: "^[0-9]+$" } },
      { $ref: "#/components/parameters/Offset" },
    ],
    responses: { "200": { description: "ok" }, "400": { description: "bad" } },
  };
  edit(op);
  return {
    openapi: "3.1.0",
    tags: [{ name: "Live", description: "Live rooms" }, { name: "Unused" }],
    paths: { "/live/info": { get: op } },
    components: { parameters: { Offset: { name: "offset", in: "query", required: false, example: 0, schema: { type: "integer", minimum: 0, default: 0 } } } },
    ...extra,
  };
}

function modelError(spec: unknown): ModelError {
  try {
    buildModel(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error("buildModel accepted the spec");
}

describe("buildModel on the bundled spec", () => {
  const model = buildModel(bundle);
  const byId = new Map(model.map((op) => [op.id, op]));

  it("models every operation of the bundle, in its order, with unique client and CLI names", () => {
    const ids = (Object.values(bundle.paths) as Json[]).flatMap((item) => (Object.values(item) as Json[]).map((op) => op.operationId));
    expect(model.map((op) => op.id)).toEqual(ids);
    expect(model.length).toBeGreaterThanOrEqual(50);
    expect(new Set(model.map((op) => `${op.namespace}.${op.method}`)).size).toBe(model.length);
    expect(new Set(model.map((op) => `${op.namespace} ${op.cliCommand}`)).size).toBe(model.length);
  });

  it("liveGetInfo: names, path, evidence, statuses and its parameters with constraints and examples", () => {
    const op = byId.get("liveGetInfo") as OperationModel;
    expect(op).toMatchObject({
      section: "Live",
      namespace: "live",
      method: "getInfo",
      cliCommand: "get-info",
      httpMethod: "GET",
      path: "/live/info",
      evidence: "CONFIRMED",
      pagination: null,
    });
    expect(op.statuses).toEqual([200, 400, 401, 428, 429, 500]);
    const roomId = op.params.find((p) => p.name === "room_id");
    expect(roomId).toMatchObject({ flag: "room-id", type: "string", required: true, minLength: 1, pattern: "^[0-9]+$" });
    expect(typeof roomId?.example).toBe("string");
  });

  it("paged operations carry x-pagination as a PaginationModel, totalField only where the spec gives one", () => {
    expect(byId.get("searchProducts")?.pagination).toEqual({
      cursorParam: "offset",
      nextCursorField: "cursor",
      hasMoreField: "has_more",
      itemsField: "body.sections[].items",
    });
    expect(byId.get("videoGetTrending")?.pagination?.nextCursorField).toBeNull();
    expect(byId.get("userGetFollowers")?.pagination?.totalField).toBe("total");
    for (const op of model) if (op.pagination) expect(op.params.map((p) => p.name)).toContain(op.pagination.cursorParam);
  });

  it("every parameter has one of the four types, a flag and (in this spec) an example", () => {
    for (const op of model) {
      for (const p of op.params) {
        expect(["string", "integer", "number", "boolean"]).toContain(p.type);
        expect(p.flag).toBe(cliFlag(p.name));
        expect(p.example, `${op.id} ${p.name}`).toBeDefined();
      }
    }
  });

  it("sections are the used tags in the spec's order", () => {
    expect(buildSections(bundle, model).map((s) => s.namespace)).toEqual([...new Set(model.map((op) => op.namespace))]);
  });
});

describe("buildModel on a small spec", () => {
  it("follows $refs and reads constraints, defaults and the first named example", () => {
    const [op] = buildModel(
      specWith((o) => {
        o.parameters.push({ name: "sort", in: "query", examples: { first: { value: "new" } }, schema: { type: "string", enum: ["new", "hot"] } });
      }),
    );
    expect(op?.params).toEqual([
      { name: "room_id", flag: "room-id", type: "string", required: true, description: "", example: "7531095702089370381", minLength: 1, pattern: "^[0-9]+$" },
      { name: "offset", flag: "offset", type: "integer", required: false, description: "", example: 0, default: 0, minimum: 0 },
      { name: "sort", flag: "sort", type: "string", required: false, description: "", example: "new", enum: ["new", "hot"] },
    ]);
    expect(op?.statuses).toEqual([200, 400]);
  });

  it("sections leave out tags without operations", () => {
    expect(buildSections(specWith())).toEqual([{ name: "Live", namespace: "live", description: "Live rooms" }]);
  });

  const refused: Array<[string, (op: Json) => void, RegExp]> = [
    [
      "an unknown x-pagination key",
      (op) => (op["x-pagination"] = { cursorParam: "offset", nextCursorField: "cursor", hasMoreField: "has_more", itemsField: "list", pageSize: 20 }),
      /x-pagination: unknown key "pageSize"/,
    ],
    [
      "an x-pagination cursorParam that is no parameter",
      (op) => (op["x-pagination"] = { cursorParam: "page", nextCursorField: null, hasMoreField: "has_more", itemsField: "list" }),
      /cursorParam "page" is not one of/,
    ],
    [
      "an x-pagination without nextCursorField",
      (op) => (op["x-pagination"] = { cursorParam: "offset", hasMoreField: "has_more", itemsField: "list" }),
      /nextCursorField is missing/,
    ],
    [
      "an x-pagination field that is not a field path",
      (op) => (op["x-pagination"] = { cursorParam: "offset", nextCursorField: "cursor", hasMoreField: "has more", itemsField: "list" }),
      /hasMoreField must be a field path/,
    ],
    ["an x-pagination that is not an object", (op) => (op["x-pagination"] = "offset"), /x-pagination: must be an object/],
    ["an unknown constraint keyword", (op) => (op.parameters[0].schema.multipleOf = 2), /parameter room_id: unknown schema keyword "multipleOf"/],
    ["an unknown parameter keyword", (op) => (op.parameters[0].style = "form"), /parameter room_id: unknown parameter keyword "style"/],
    ["a parameter outside the query", (op) => (op.parameters[0].in = "header"), /parameter room_id: is in "header"/],
    [
      "an array parameter",
      (op) => (op.parameters[0].schema = { type: "array", items: { type: "string" } }),
      /parameter room_id: unknown schema keyword "items"/,
    ],
    ["a parameter without a type", (op) => (op.parameters[0].schema = { minLength: 1 }), /parameter room_id: type undefined/],
    ["a pattern that does not compile", (op) => (op.parameters[0].schema.pattern = "(["), /pattern "\(\[" is not a valid regular expression/],
    ["a minimum on a string", (op) => (op.parameters[0].schema.minimum = 1), /minimum applies to numbers/],
    ["an empty enum", (op) => (op.parameters[0].schema.enum = []), /enum must be a non-empty list/],
    ["a default of the wrong type", (op) => (op.parameters[0].schema.default = 5), /default 5 is not of type string/],
    [
      "two parameters with one flag",
      (op) => op.parameters.push({ name: "room-id", in: "query", schema: { type: "string" } }),
      /parameters room_id and room-id map to the same CLI flag --room-id/,
    ],
    ["a parameter listed twice", (op) => op.parameters.push({ name: "room_id", in: "query", schema: { type: "string" } }), /parameter room_id is listed twice/],
    ["an unknown x-status", (op) => (op["x-status"] = "GUESSED"), /x-status "GUESSED" must be one of/],
    ["a missing x-status", (op) => delete op["x-status"], /x-status undefined/],
    ["a response range", (op) => (op.responses["4XX"] = { description: "any" }), /response "4XX" is not a single HTTP status/],
    ["no responses", (op) => delete op.responses, /no responses/],
    ["an operationId without its tag's prefix", (op) => (op.operationId = "getLiveInfo"), /operationId must start with its tag "live"/],
    ["no tag", (op) => delete op.tags, /no tag/],
  ];
  it.each(refused)("refuses %s with a ModelError naming the operation", (_what, edit, message) => {
    const spec = specWith(edit);
    const error = modelError(spec);
    expect(error.message).toMatch(message);
    expect(error.where).toBe(spec.paths["/live/info"].get.operationId);
    expect(error.message.startsWith(`${error.where}: `)).toBe(true);
  });

  it("refuses a non-GET operation, naming its method and path", () => {
    const spec = specWith();
    spec.paths["/live/info"].post = spec.paths["/live/info"].get;
    delete spec.paths["/live/info"].get;
    expect(modelError(spec).message).toBe("liveGetInfo: is POST /live/info; only GET operations can be modelled");
  });

  it("refuses an operation without operationId, naming its method and path", () => {
    expect(modelError(specWith((op) => delete op.operationId)).message).toBe("GET /live/info: has no operationId");
  });

  it("refuses two operations with one client method", () => {
    const spec = specWith();
    spec.paths["/live/info2"] = { get: { ...spec.paths["/live/info"].get } };
    expect(modelError(spec).message).toMatch(/^liveGetInfo: its client method live.getInfo is also liveGetInfo's/);
  });

  it("refuses what is not an OpenAPI document", () => {
    expect(modelError(null).message).toMatch(/not an OpenAPI document/);
    expect(modelError({ openapi: "3.1.0" }).message).toMatch(/not an OpenAPI document/);
  });
});

describe("naming", () => {
  it("kebab-cases methods and parameter names", () => {
    expect(kebab("getCategoriesLevel1")).toBe("get-categories-level1");
    expect(kebab("room_id")).toBe("room-id");
    expect(cliFlag("sec_uid")).toBe("sec-uid");
  });

  it("derives client and CLI names from tag and operationId", () => {
    expect(clientNames({ operationId: "liveGetInfo", tags: ["Live"] })).toEqual({ namespace: "live", method: "getInfo" });
    expect(cliNames({ operationId: "shopGetCategoriesLevel1", tags: ["Shop"] })).toEqual({ section: "shop", command: "get-categories-level1" });
  });

  it("refuses an operationId that is only its tag", () => {
    expect(() => clientNames({ operationId: "live", tags: ["Live"] })).toThrow(ModelError);
  });
});
