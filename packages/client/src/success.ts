import type { components } from "@tikhubapi/types";

type RiskControl = components["schemas"]["RiskControlEnvelope"];

/**
 * For `tikhub.raw` (openapi-fetch) answers: whether a 200 body is the success envelope (`code` 0 and
 * its `data`), not the upstream's risk-control answer (`code` ≠ 0, `data` null) that the spec's 200
 * also admits. Narrows the type, so `body.data` is the operation's data.
 */
export function isSuccess<Body>(body: Body): body is Extract<Exclude<Body, RiskControl | undefined>, { data: object }> {
  return Object(body) === body && (body as { code?: unknown }).code === 0;
}
