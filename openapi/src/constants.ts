// Facts about the API every package shares.

/** The real API's root: what the client, the CLI and the MSW handlers use when given none. */
export const DEFAULT_BASE_URL = "https://api.tikhubapi.com/api/v1";

export type DocumentedErrorStatus = 400 | 401 | 428 | 429 | 500;

/** The five errors every operation documents, with the name of their shared component (components/responses). */
export const DOCUMENTED_ERRORS: readonly { status: DocumentedErrorStatus; name: string }[] = [
  { status: 400, name: "BadRequest" },
  { status: 401, name: "Unauthorized" },
  { status: 428, name: "SessionExpired" },
  { status: 429, name: "RateLimited" },
  { status: 500, name: "ServerError" },
];

/** The largest delay a timer keeps (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
