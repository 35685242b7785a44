// The operations as the model describes them. Until @tikhubapi/spec/operations is on main, this reads
// the bundle through the spec package's helpers and names them with its naming rules.
import { clientNames } from "@tikhubapi/spec/naming";
import { deref as derefIn, loadSpecOrExit, operationsOf } from "@tikhubapi/spec/spec";

export function loadOperations(tool) {
  const fail = (message) => {
    console.error(`${tool}: ${message}`);
    process.exit(1);
  };
  const spec = loadSpecOrExit(tool);
  return operationsOf(spec).map(({ method, path, operation: op }) => {
    if (method !== "get") fail(`${op.operationId ?? path}: only GET operations are supported, found ${method.toUpperCase()}`);
    let names;
    try {
      names = clientNames(op);
    } catch (error) {
      fail(error.message);
    }
    const params = (op.parameters ?? []).map((p) => derefIn(spec, p));
    if (params.some((p) => p.in !== "query")) fail(`${op.operationId}: only query parameters are supported`);
    return { id: op.operationId, namespace: names.namespace, method: names.method, path, summary: op.summary, params, pagination: op["x-pagination"] ?? null };
  });
}
