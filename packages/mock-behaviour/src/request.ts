// The plain request the behaviour decides on: no runtime types (Node, fetch, MSW) leak in.

export interface MockRequest {
  /** HTTP method, any case. */
  method: string;
  /** The path without query string, e.g. "/user/followers" (paths are served at the root). */
  path: string;
  /** Query parameters; a repeated one as an array. */
  query: Record<string, string | string[] | undefined>;
  /** Header names in any case. */
  headers: Record<string, string | string[] | undefined>;
}

/** One header's value (first of several), names compared case-insensitively. */
export function headerOf(request: MockRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** One query parameter's value (first of several). */
export function queryOf(request: MockRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Builds a MockRequest from a URL (absolute, or path + query) and headers. */
export function requestFromUrl(method: string, url: string, headers: MockRequest["headers"] = {}): MockRequest {
  const parsed = new URL(url, "http://mock.invalid");
  const query: MockRequest["query"] = {};
  for (const key of new Set(parsed.searchParams.keys())) {
    const values = parsed.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return { method, path: decodeURIComponent(parsed.pathname), query, headers };
}

/**
 * Prism's preferences: the `Prefer` header (`code=429`, `example=name`), or, when there is no Prefer
 * header, the query form `__code=` / `__example=` for callers that cannot set headers.
 */
export function preferencesOf(request: MockRequest): { code?: number; example?: string } {
  const prefer = headerOf(request, "prefer");
  const pairs: Record<string, string> = {};
  if (prefer !== undefined) {
    for (const part of prefer.split(/[,;]/)) {
      const [key, ...rest] = part.split("=");
      if (key && rest.length) pairs[key.trim().toLowerCase()] = rest.join("=").trim().replace(/^"|"$/g, "");
    }
  } else {
    const code = queryOf(request, "__code");
    const example = queryOf(request, "__example");
    if (code !== undefined) pairs.code = code;
    if (example !== undefined) pairs.example = example;
  }
  return {
    ...(pairs.code !== undefined && /^\d{3}$/.test(pairs.code) ? { code: Number(pairs.code) } : {}),
    ...(pairs.example ? { example: pairs.example } : {}),
  };
}
