// What Prism answers once the shared behaviour core (@tikhubapi/mock-behaviour) has said "serve": the MSW handlers'
// stand-in for the Prism process, from the same spec. The core has already judged the credentials
// (the Node mock then hands Prism a credential it accepts), so what is left of Prism's order is: the
// query check (the documented 400), a chosen status (`Prefer: code=…`), then the chosen or first 200
// example. Its own errors are problem+json from Prism's templates (src/generated/prism-errors.ts,
// read from @stoplight/prism-http at build), with Prism's details.
import { exampleAnswer, type MockRequest, type OpenApiSpec, type PlainAnswer, type SpecOperation } from "@tikhubapi/mock-behaviour";
import type { ParameterModel } from "@tikhubapi/spec/model";
import { checkParams } from "@tikhubapi/spec/runtime";
import { PRISM_ERRORS } from "./generated/prism-errors.js";

function problem(template: { type: string; title: string; status: number }, detail: string): PlainAnswer {
  return { status: template.status, headers: { "content-type": "application/problem+json" }, body: { ...template, detail } };
}

/** The operation's parameters as the model reads them (generated into the slim data; descriptions dropped). */
const params = new WeakMap<object, readonly ParameterModel[]>();
function paramsOf(operation: SpecOperation): readonly ParameterModel[] {
  let found = params.get(operation.operation);
  if (!found) {
    const slim = (operation.operation["x-params"] ?? []) as ReadonlyArray<Omit<ParameterModel, "description">>;
    found = slim.map((param) => ({ ...param, description: "" }));
    params.set(operation.operation, found);
  }
  return found;
}

export interface ServeDecision {
  operation: SpecOperation | undefined;
  code?: number;
  example?: string;
}

export function prismAnswer(spec: OpenApiSpec, decision: ServeDecision, request: MockRequest): PlainAnswer {
  const { operation } = decision;
  if (!operation) {
    return problem(PRISM_ERRORS.noPathMatched, `The route ${request.path} hasn't been found in the specification file`);
  }
  const invalid = checkParams(paramsOf(operation), request.query)[0]?.message;
  if (invalid !== undefined) {
    return exampleAnswer(spec, operation, 400) ?? exampleAnswer(spec, operation, 422) ?? problem(PRISM_ERRORS.unprocessable, invalid);
  }
  if (decision.code !== undefined) {
    return (
      exampleAnswer(spec, operation, decision.code, decision.code === 200 ? decision.example : undefined) ??
      problem(PRISM_ERRORS.notFound, `Requested status code ${decision.code} is not defined in the document.`)
    );
  }
  return (
    exampleAnswer(spec, operation, 200, decision.example) ??
    problem(PRISM_ERRORS.notFound, `Response for contentType: application/json and exampleKey: ${decision.example} does not exist.`)
  );
}
