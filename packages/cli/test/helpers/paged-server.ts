// A real HTTP server on 127.0.0.1 that serves a paged list the way the TikHub API does, and can fail
// on a chosen page: used to test exports, interruptions and resumes with a known, finite list.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Failure = "rate-limit" | "destroy" | "hang" | "unauthorized" | "forbidden";

export interface PagedServerOptions {
  /** Pages of each list. */
  pages: number;
  /** Items per page. */
  pageSize: number;
  username?: string;
  password?: string;
}

export interface ServedRequest {
  path: string;
  query: Record<string, string>;
  /** 0-based page index the request asked for (undefined for an unknown cursor). */
  page?: number;
  headers: IncomingHttpHeaders;
}

export interface PagedServer {
  url: string;
  /** Every request received, in order. */
  requests: ServedRequest[];
  /** Makes the next request for `page` (0-based) of `path` fail once in the given way. */
  failOnce(path: string, page: number, failure: Failure): void;
  /** Resolves when a request for `page` of `path` arrives (at once if one already did). */
  waitForRequest(path: string, page: number): Promise<void>;
  /** The uid of item `index` of page `page`: beyond 2^53, sent as a bare JSON number. */
  uid(page: number, index: number): string;
  close(): Promise<void>;
}

/** /user/followers: offset 0 (or absent) is the first page, then the min_time of the previous page. */
const FIRST_MIN_TIME = 1_748_390_412;
const followersCursor = (page: number) => FIRST_MIN_TIME - page * 3600;

export async function startPagedServer(options: PagedServerOptions): Promise<PagedServer> {
  const { pages, pageSize, username = "demo", password = "demo" } = options;
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const requests: ServedRequest[] = [];
  const failures = new Map<string, Failure[]>();
  const waiters: { key: string; resolve: () => void }[] = [];
  const hanging = new Set<ServerResponse>();

  const uid = (page: number, index: number) => (7_000_000_000_000_000_000n + BigInt(page * pageSize + index) * 1_000_003n).toString();
  const item = (page: number, index: number) =>
    `{"uid":${uid(page, index)},"unique_id":"follower_${page}_${index}","nickname":"Follower ${page * pageSize + index} ✨","follower_count":${index * 7}}`;

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers });
    res.end(body);
  }

  function pageOf(path: string, query: Record<string, string>): number | undefined {
    if (path === "/user/followers") {
      const offset = query.offset === undefined ? 0 : Number(query.offset);
      if (!Number.isInteger(offset)) return undefined;
      if (offset === 0) return 0;
      const page = (FIRST_MIN_TIME - offset) / 3600;
      return Number.isInteger(page) && page >= 1 && page < pages ? page : undefined;
    }
    if (path === "/video/trending") {
      const page = query.page === undefined ? 1 : Number(query.page);
      return Number.isInteger(page) && page >= 1 ? page - 1 : undefined;
    }
    return undefined;
  }

  function body(path: string, page: number): string {
    const count = page < pages ? pageSize : 0;
    const items = Array.from({ length: count }, (_, i) => item(page, i)).join(",");
    const more = page < pages - 1;
    if (path === "/user/followers") {
      return `{"code":0,"msg":"success","data":{"followers":[${items}],"min_time":${followersCursor(page + 1)},"has_more":${more},"total":${pages * pageSize}}}`;
    }
    return `{"code":0,"msg":"success","data":{"videos":[${items}],"pagination":{"has_more":${more},"total_count":${pages * pageSize}}}}`;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = Object.fromEntries(url.searchParams);
    const page = pageOf(url.pathname, query);
    requests.push({ path: url.pathname, query, page, headers: req.headers });
    const key = `${url.pathname}#${page}`;
    for (const waiter of waiters.filter((w) => w.key === key)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (req.headers.authorization !== expectedAuth) return send(res, 401, '{"code":401,"msg":"A valid username/password is required.","data":null}');
    if (url.pathname !== "/user/followers" && url.pathname !== "/video/trending") return send(res, 404, '{"code":404,"msg":"Not found","data":null}');
    if (page === undefined) return send(res, 400, '{"code":400,"msg":"Bad Request: unknown cursor.","data":null}');
    const failure = failures.get(key)?.shift();
    if (failure === "rate-limit") return send(res, 429, '{"code":429,"msg":"API Key Rate-Limit reached.","data":null}', { "retry-after": "3600" });
    if (failure === "unauthorized") return send(res, 401, '{"code":401,"msg":"A valid username/password is required.","data":null}');
    if (failure === "forbidden") return send(res, 403, '{"code":403,"msg":"Your plan does not include this endpoint.","data":null}');
    if (failure === "destroy") return void req.socket.destroy();
    if (failure === "hang") return void hanging.add(res);
    send(res, 200, body(url.pathname, page));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    uid,
    failOnce(path, page, failure) {
      const key = `${path}#${page}`;
      failures.set(key, [...(failures.get(key) ?? []), failure]);
    },
    waitForRequest(path, page) {
      const key = `${path}#${page}`;
      if (requests.some((r) => `${r.path}#${r.page}` === key)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ key, resolve }));
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
