// What Prism answers once the shared behaviour (../behaviour) has said "serve": the MSW handlers'
// stand-in for the Prism process, from the same spec. Prism's order: its own Basic check (the
// documented 401), the query check (the documented 400), a chosen status (`Prefer: code=…`), then
// the chosen or first 200 example. Its own errors are problem+json, worded as Prism words them.
import { exampleAnswer, type PlainAnswer } from "../behaviour/answers.js";
import { requiresCredentials } from "../behaviour/credentials.js";
import { headerOf, type MockRequest } from "../behaviour/request.js";
import type { OpenApiSpec, SpecOperation } from "../behaviour/spec.js";
import { queryProblem } from "./query-check.js";

const PRISM_ERRORS = "https://stoplight.io/prism/errors";

function problem(status: number, type: string, title: string, detail: string): PlainAnswer {
  return { status, headers: { "content-type": "application/problem+json" }, body: { type: `${PRISM_ERRORS}#${type}`, title, status, detail } };
}

/** Bytes of base64 as Node's lenient decoder reads them (unknown characters skipped, URL-safe accepted). */
function decodeBase64Leniently(token: string): string {
  const clean = token.replace(/-/g, "+").replace(/_/g, "/").split("=")[0]!.replace(/[^A-Za-z0-9+/]/g, "");
  const usable = clean.length % 4 === 1 ? clean.slice(0, -1) : clean;
  try {
    return atob(usable + "=".repeat((4 - (usable.length % 4)) % 4));
  } catch {
    return "";
  }
}

/** Prism's Basic check: `<scheme> <token>` split on single spaces, scheme "basic", token decoding to exactly one colon. */
function prismAcceptsBasic(request: MockRequest): boolean {
  const header = headerOf(request, "authorization");
  if (!header) return false;
  const [scheme, token] = header.split(" ");
  if (scheme?.toLowerCase() !== "basic" || !token) return false;
  return decodeBase64Leniently(token).split(":").length === 2;
}

export interface ServeDecision {
  operation: SpecOperation | undefined;
  code?: number;
  example?: string;
}

export function prismAnswer(spec: OpenApiSpec, decision: ServeDecision, request: MockRequest): PlainAnswer {
  const { operation } = decision;
  if (!operation) {
    return problem(404, "NO_PATH_MATCHED_ERROR", "Route not resolved, no path matched", `The route ${request.path} hasn't been found in the specification file`);
  }
  if (requiresCredentials(spec, operation) && !prismAcceptsBasic(request)) {
    return exampleAnswer(spec, operation, 401) ?? problem(401, "UNAUTHORIZED", "Invalid security scheme used", "Your request does not fullfil the security requirements and no HTTP unauthorized response was found in the spec, so Prism is generating this error for you.");
  }
  const invalid = queryProblem(spec, operation, request);
  if (invalid !== undefined) {
    return exampleAnswer(spec, operation, 400) ?? exampleAnswer(spec, operation, 422) ?? problem(422, "UNPROCESSABLE_ENTITY", "Invalid request", invalid);
  }
  if (decision.code !== undefined) {
    return exampleAnswer(spec, operation, decision.code, decision.code === 200 ? decision.example : undefined) ??
      problem(404, "NOT_FOUND", "The server cannot find the requested content", `Requested status code ${decision.code} is not defined in the document.`);
  }
  return exampleAnswer(spec, operation, 200, decision.example) ??
    problem(404, "NOT_FOUND", "The server cannot find the requested content", `Response for contentType: application/json and exampleKey: ${decision.example} does not exist.`);
}
