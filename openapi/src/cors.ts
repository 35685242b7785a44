// One CORS policy for the Node mock and the MSW handlers: any origin may call, with credentials, and
// read every header. A credentialed browser request needs the origin echoed (a `*` is refused there),
// so corsHeaders() echoes the request's Origin and requested headers where it has them.

/** The headers for a request that names no Origin (and no requested headers). */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-allow-credentials": "true",
  "access-control-expose-headers": "*",
});

/** The CORS headers of an answer to a request with this Origin and Access-Control-Request-Headers. */
export function corsHeaders(origin?: string | null, requestedHeaders?: string | null): Record<string, string> {
  return {
    ...CORS_HEADERS,
    "access-control-allow-origin": origin || "*",
    "access-control-allow-headers": requestedHeaders || "*",
  };
}

/**
 * The headers of the 204 answer to a CORS preflight (OPTIONS with an Origin and an
 * Access-Control-Request-Method, as the Fetch standard defines it), or undefined when the request is
 * not one. `header` reads a request header by its lower-case name.
 */
export function preflightHeaders(method: string, header: (name: string) => string | null | undefined): Record<string, string> | undefined {
  const origin = header("origin");
  const requestedMethod = header("access-control-request-method");
  if (method.toUpperCase() !== "OPTIONS" || !origin || !requestedMethod) return undefined;
  return { ...corsHeaders(origin, header("access-control-request-headers")), "access-control-allow-methods": requestedMethod, vary: "origin" };
}
