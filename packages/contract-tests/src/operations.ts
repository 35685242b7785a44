// The operations of the bundled spec, as the contract suite walks them. Nothing here lists them by hand.
import { createSpecValidator, deref, loadSpec, operationsOf } from "@tikhubapi/spec/validator";

export const DOCUMENTED_ERRORS = [400, 401, 428, 429, 500] as const;
export const STATUSES = [200, ...DOCUMENTED_ERRORS] as const;

export interface ContractOperation {
  id: string;
  section: string;
  namespace: string;
  method: string;
  path: string;
  /** Every parameter's example (required and optional). */
  exampleParams: Record<string, string | number>;
  required: string[];
  /** Required string parameters (the spec gives them minLength 1: an empty value is a 400). */
  requiredStrings: string[];
  paged: boolean;
  statuses: number[];
  /** The 200 example the mock must answer with. */
  example200: unknown;
}

export const spec = loadSpec();
export const validator = createSpecValidator(spec);

export const operations: ContractOperation[] = operationsOf(spec).map(({ path, operation }) => {
  const section = operation.tags[0] as string;
  const namespace = section.toLowerCase();
  const rest = (operation.operationId as string).slice(namespace.length);
  const params = (operation.parameters ?? []).map((p: unknown) => deref(spec, p)) as Array<{ name: string; required?: boolean; example?: string | number; schema?: { type?: unknown } }>;
  return {
    id: operation.operationId,
    section,
    namespace,
    method: rest.charAt(0).toLowerCase() + rest.slice(1),
    path,
    exampleParams: Object.fromEntries(params.filter((p) => p.example !== undefined).map((p) => [p.name, p.example!])),
    required: params.filter((p) => p.required).map((p) => p.name),
    requiredStrings: params.filter((p) => p.required && p.schema?.type === "string").map((p) => p.name),
    paged: Boolean(operation["x-pagination"]),
    statuses: Object.keys(operation.responses).map(Number),
    example200: (deref(spec, Object.values(operation.responses["200"].content["application/json"].examples ?? {})[0]) as { value?: unknown } | undefined)?.value,
  };
});
