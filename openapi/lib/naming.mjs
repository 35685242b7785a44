// How an operation of the spec is named in the packages built from it, in one place: the client
// (tag lower-cased → namespace, operationId minus that prefix → method), the CLI (the same, kebab-cased)
// and the documentation's code samples all call these.

/** getCategoriesLevel1 → get-categories-level1; room_id → room-id. */
export const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();

/** { namespace, method } of the client for an operation ("Live" + liveGetInfo → live.getInfo); throws on a name it cannot derive. */
export function clientNames(operation) {
  const tag = operation.tags?.[0];
  if (!tag) throw new Error(`${operation.operationId}: no tag`);
  const namespace = tag.toLowerCase();
  if (!operation.operationId?.startsWith(namespace)) throw new Error(`${operation.operationId}: operationId must start with its tag "${namespace}" (the client's namespace)`);
  const rest = operation.operationId.slice(namespace.length);
  return { namespace, method: rest.charAt(0).toLowerCase() + rest.slice(1) };
}

/** { section, command } of the `tikhub` CLI for an operation (live.getInfo → `tikhub live get-info`). */
export function cliNames(operation) {
  const { namespace, method } = clientNames(operation);
  return { section: namespace, command: kebab(method) };
}

/** The CLI flag of a query parameter (room_id → room-id, used as --room-id). */
export const cliFlag = (parameterName) => kebab(parameterName);
