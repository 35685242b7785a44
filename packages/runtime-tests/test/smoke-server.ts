// The smoke suite's own HTTP server on 127.0.0.1 (port 0), with CORS for the browser page:
//   /paged/video/comments  three pages of two comments, `offset` → `cursor`, has_more 1, 1, 0
//   /ids/live/info         19-digit ids as bare JSON numbers
//   /hang/<runtime>/…      never answers; records when the connection closes
//   /closed/<runtime>      waits (up to 5 s) until that runtime's hung connection closed, then says when
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { BIG_ID } from "../smoke/cases.mjs";

export const PAGE_SIZE = 2;
export const PAGE_COUNT = 3;
export const CLOSE_WAIT_MS = 5_000;

export interface Hang {
  arrivedAt: number;
  closedAt?: number;
}

export interface SmokeServer {
  url: string;
  hangs: Map<string, Hang>;
  close(): Promise<void>;
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
  res.setHeader("access-control-expose-headers", "retry-after");
  res.setHeader("vary", "origin");
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function commentsPage(offset: number) {
  const index = offset / PAGE_SIZE;
  const comments = Array.from({ length: PAGE_SIZE }, (_, i) => ({ cid: String(offset + i + 1), text: `comment ${offset + i + 1}` }));
  return { code: 0, msg: "success", data: { comments, cursor: offset + PAGE_SIZE, has_more: index + 1 < PAGE_COUNT ? 1 : 0 } };
}

export async function startSmokeServer(): Promise<SmokeServer> {
  const hangs = new Map<string, Hang>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    cors(req, res);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "",
        "access-control-max-age": "600",
      });
      return res.end();
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, route, name] = url.pathname.split("/");
    if (route === "paged" && url.pathname.endsWith("/video/comments")) return json(res, commentsPage(Number(url.searchParams.get("offset") ?? 0)));
    if (route === "ids" && url.pathname.endsWith("/live/info")) {
      return json(res, `{"code":0,"msg":"success","data":{"room_id":${BIG_ID},"user_count":42,"owner":{"id":${BIG_ID.slice(0, -1)}9}}}`);
    }
    if (route === "hang" && name) {
      const hang: Hang = { arrivedAt: Date.now() };
      hangs.set(name, hang);
      // Never answered: "close" can only mean the client (or its runtime) closed the connection.
      res.on("close", () => (hang.closedAt ??= Date.now()));
      return;
    }
    if (route === "closed" && name) {
      const started = Date.now();
      const answer = () => {
        const hang = hangs.get(name);
        if (hang?.closedAt === undefined && Date.now() - started < CLOSE_WAIT_MS) return void setTimeout(answer, 20);
        json(res, {
          arrived: Boolean(hang),
          closed: hang?.closedAt !== undefined,
          openMs: hang?.closedAt !== undefined ? hang.closedAt - hang.arrivedAt : null,
        });
      };
      return answer();
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: 404, msg: `smoke server: no route ${url.pathname}`, data: null }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hangs,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
