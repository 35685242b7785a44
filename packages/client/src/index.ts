export { createTikHubClient, DEFAULT_BASE_URL } from "./client.js";
export type { TikHubClient, TikHubClientOptions } from "./client.js";
export {
  TikHubError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  SessionExpiredError,
  RateLimitError,
  ServerError,
  ApiCodeError,
  ConnectionError,
  TimeoutError,
  AbortError,
  InvalidRequestError,
} from "./errors.js";
export type { TikHubErrorFields } from "./errors.js";
export { nextPage, pageItems, PageWalker, readField } from "./pagination.js";
export type { Pagination, PageState, PageStep } from "./pagination.js";
export type { Resources } from "./generated/operations.js";
export type { RequestOptions, PageOptions, Params, Data, OperationId } from "./resource-types.js";
export type { paths, components, operations } from "@tikhubapi/types";
