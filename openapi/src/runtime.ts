// `@tikhubapi/spec/runtime`: the helpers every package shares at run time, in the client, the CLI, the
// mock, the MSW handlers and browsers alike. No runtime-specific API (no `node:` import); each export
// stands alone, so a bundler keeps only what is used.

export { DEFAULT_BASE_URL, DOCUMENTED_ERRORS, type DocumentedErrorStatus, MAX_TIMEOUT_MS } from "./constants.js";
export { CORS_HEADERS, corsHeaders, preflightHeaders } from "./cors.js";
export { checkBaseUrl, checkTimeoutMs, trimBaseUrl } from "./options.js";
export { hasMore, nextCursor, pageItems, readField } from "./paging.js";
export { type CheckParamsOptions, checkParams, coerceParam, type ParamProblem, type ParamProblemKind, paramViolation, type QueryValues } from "./params.js";
export { basicToken, credentialSecrets, REDACTED, redact } from "./secrets.js";
