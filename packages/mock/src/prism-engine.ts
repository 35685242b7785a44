// Prism as a library, in this process: the spec's operations are loaded once, then every request is
// answered by a call (no child process, no loopback hop). Answers are plain data for the HTTP front.
import { createInstance, getHttpOperationsFromSpec } from "@stoplight/prism-http";

export interface EngineRequest {
  method: string;
  /** Raw path (still percent-encoded). */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** A documented status to answer (Prefer: code=…). */
  code?: number;
  /** The named example to answer. */
  example?: string;
}

export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Spec violations found (proxy mode validates the upstream's answers). */
  violations: Violation[];
}

export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

export interface EngineOptions {
  specPath: string;
  dynamic?: boolean;
  /** Forward to this upstream and validate its answers instead of mocking. */
  proxy?: string;
}

export interface PrismEngine {
  answer(request: EngineRequest): Promise<EngineAnswer>;
}

const SEVERITY = ["Error", "Warning", "Information", "Hint"];

/** Prism logs through pino; the mock reports what matters itself, so its log goes nowhere. */
const silentLogger = {
  child: () => silentLogger,
  trace() {},
  debug() {},
  info() {},
  success() {},
  warn() {},
  error() {},
  fatal() {},
};

export async function createPrismEngine(options: EngineOptions): Promise<PrismEngine> {
  const operations = await getHttpOperationsFromSpec(options.specPath);
  if (operations.length === 0) throw new Error(`no operations in ${options.specPath}`);
  const shared = {
    validateRequest: !options.proxy,
    validateResponse: true,
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    mock: { dynamic: Boolean(options.dynamic) },
  };
  const config = options.proxy ? { ...shared, isProxy: true as const, upstream: new URL(options.proxy) } : { ...shared, isProxy: false as const };
  // Prism's config and logger types are wider than what it reads; the casts name them, not `any`.
  type InstanceArgs = Parameters<typeof createInstance>;
  const prism = createInstance(config as unknown as InstanceArgs[0], { logger: silentLogger as unknown as InstanceArgs[1]["logger"] });

  return {
    async answer(request) {
      const input = {
        method: request.method.toLowerCase(),
        url: { path: request.path, query: request.query },
        headers: request.headers,
        body: null,
      };
      const requestConfig = {
        ...config,
        mock: {
          ...config.mock,
          ...(request.code !== undefined ? { code: request.code } : {}),
          ...(request.example !== undefined ? { exampleKey: request.example } : {}),
        },
      };
      type RequestArgs = Parameters<typeof prism.request>;
      const result = (await prism.request(input as unknown as RequestArgs[0], operations, requestConfig as unknown as RequestArgs[2])()) as
        | {
            _tag: "Right";
            right: {
              output: { statusCode: number; headers?: Record<string, string>; body?: unknown };
              validations: { input: RawViolation[]; output: RawViolation[] };
            };
          }
        | { _tag: "Left"; left: Error & { status?: number; detail?: string; additional?: { headers?: Record<string, string> } } };
      if (result._tag === "Left") {
        const error = result.left;
        return {
          status: error.status ?? 500,
          headers: { "content-type": "application/problem+json", ...(error.additional?.headers ?? {}) },
          body: JSON.stringify({ type: error.name, title: error.message, status: error.status ?? 500, detail: error.detail ?? "" }),
          violations: [],
        };
      }
      const { output, validations } = result.right;
      const violations = [...validations.input.map(prefixed("request")), ...validations.output.map(prefixed("response"))];
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(output.headers ?? {})) headers[name.toLowerCase()] = String(value);
      const body =
        output.body === undefined
          ? ""
          : typeof output.body === "string" && !/json/.test(headers["content-type"] ?? "")
            ? output.body
            : JSON.stringify(output.body);
      return { status: output.statusCode, headers, body, violations };
    },
  };
}

interface RawViolation {
  path?: string[];
  severity: number;
  code?: string | number;
  message: string;
}

const prefixed =
  (where: string) =>
  (v: RawViolation): Violation => ({
    location: [where, ...(v.path ?? [])],
    severity: SEVERITY[v.severity] ?? String(v.severity),
    code: v.code,
    message: v.message,
  });
