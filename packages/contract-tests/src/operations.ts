// The operations of the bundled spec, as the contract suite walks them: the operation model
// (@tikhubapi/spec/operations) plus the spec's own examples. Nothing here lists them by hand.
import type { OperationModel, PaginationModel, ParamValue } from "@tikhubapi/spec/model";
import { deref } from "@tikhubapi/spec/model";
import { OPERATIONS } from "@tikhubapi/spec/operations";
import { DOCUMENTED_ERRORS as ERRORS } from "@tikhubapi/spec/runtime";
import { loadSpec } from "@tikhubapi/spec/spec";
import { createSpecValidator } from "@tikhubapi/spec/validator";

export const DOCUMENTED_ERRORS = ERRORS.map((e) => e.status);
export const STATUSES = [200, ...DOCUMENTED_ERRORS] as const;

export interface ContractOperation extends OperationModel {
  /** Every parameter's example (required and optional). */
  exampleParams: Record<string, ParamValue>;
  required: string[];
  /** Required string parameters (the spec gives them minLength 1: an empty value is a 400). */
  requiredStrings: string[];
  paged: boolean;
  /** The values of the 200 examples in the spec's order: the answer the mock gives first, and for a paged list its pages. */
  examples200: unknown[];
  /** The 200 example the mock must answer with. */
  example200: unknown;
}

export const spec = loadSpec();
export const validator = createSpecValidator(spec);

function examples200(op: OperationModel): unknown[] {
  const media = deref(spec, spec.paths?.[op.path]?.get?.responses?.["200"])?.content?.["application/json"];
  return Object.values((media?.examples ?? {}) as Record<string, unknown>).map((e) => deref(spec, e)?.value);
}

export const operations: ContractOperation[] = OPERATIONS.map((op) => {
  const examples = examples200(op);
  return {
    ...op,
    exampleParams: Object.fromEntries(op.params.flatMap((p) => (p.example === undefined ? [] : [[p.name, p.example]]))),
    required: op.params.filter((p) => p.required).map((p) => p.name),
    requiredStrings: op.params.filter((p) => p.required && p.type === "string").map((p) => p.name),
    paged: op.pagination !== null,
    examples200: examples,
    example200: examples[0],
  };
});

/** The pagination of a paged operation (throws on an unpaged one: a test asked for what the model does not hold). */
export function paginationOf(op: ContractOperation): PaginationModel {
  if (!op.pagination) throw new Error(`${op.id} is not paged`);
  return op.pagination;
}
