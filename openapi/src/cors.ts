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
