export type { components, operations, paths } from "@tikhubapi/types";
export type { TikHubClient, TikHubClientOptions } from "./client.js";
export { createTikHubClient, DEFAULT_BASE_URL } from "./client.js";
export type { TikHubErrorFields } from "./errors.js";
export {
  AbortError,
  ApiCodeError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TikHubError,
  TimeoutError,
} from "./errors.js";
export type { Resources } from "./generated/operations.js";
export type { ClientOperation } from "./operation.js";
export type { PageState, PageStep, Pagination } from "./pagination.js";
export { nextCursor, nextPage, PageWalker, pageItems, readField } from "./pagination.js";
export type { Data, OperationId, PageOptions, Params, ParamsArg, RequestOptions } from "./resource-types.js";
export { isRetryable } from "./retry.js";
export { isSuccess } from "./success.js";
