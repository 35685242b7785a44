// How an operation of the spec is named in the packages built from it, in one place: the client
// (tag lower-cased → namespace, operationId minus that prefix → method), the CLI (the same, kebab-cased,
// and a flag per query parameter) and the documentation's code samples.
import { ModelError } from "./model-error.js";

/** What naming reads of an operation object of the spec. */
export interface NamedOperation {
  operationId?: string;
  tags?: readonly string[];
}

/** getCategoriesLevel1 → get-categories-level1; room_id → room-id. */
export const kebab = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();

/** { namespace, method } of the client for an operation ("Live" + liveGetInfo → live.getInfo); throws a ModelError where it cannot derive one. */
export function clientNames(operation: NamedOperation): { namespace: string; method: string } {
  const id = operation.operationId;
  if (typeof id !== "string" || id === "") throw new ModelError("(operation without operationId)", "every operation needs an operationId");
  const tag = operation.tags?.[0];
  if (!tag) throw new ModelError(id, "no tag");
  const namespace = tag.toLowerCase();
  if (!id.startsWith(namespace) || id.length === namespace.length) {
    throw new ModelError(id, `operationId must start with its tag "${namespace}" (the client's namespace)`);
  }
  const rest = id.slice(namespace.length);
  return { namespace, method: rest.charAt(0).toLowerCase() + rest.slice(1) };
}

/** { section, command } of the `tikhub` CLI for an operation (live.getInfo → `tikhub live get-info`). */
export function cliNames(operation: NamedOperation): { section: string; command: string } {
  const { namespace, method } = clientNames(operation);
  return { section: namespace, command: kebab(method) };
}

/** The CLI flag of a query parameter (room_id → room-id, used as --room-id). */
export const cliFlag = (parameterName: string): string => kebab(parameterName);
