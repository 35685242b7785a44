import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { PortInUseError } from "./ports.js";

/**
 * In front of a static Prism: Prism's answer depends only on the request's method, URL and a few
 * headers (credentials, Prefer, CORS origin), so an answer is replayed for the same request instead
 * of asking Prism again. Everything else (preflights, other methods) passes through.
 */
const KEY_HEADERS = ["authorization", "prefer", "origin", "accept", "access-control-request-headers"] as const;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);
const MAX_BODY_BYTES = 1 << 20;

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

function keyOf(method: string, url: string, headers: IncomingHttpHeaders): string {
  let key = `${method} ${url}`;
  for (const name of KEY_HEADERS) key += `\n${headers[name] ?? ""}`;
  return key;
}

export interface ReplayCacheOptions {
  host: string;
  port: number;
  upstreamPort: number;
  /** Distinct requests remembered (oldest forgotten first). */
  maxEntries?: number;
}

export function startReplayCache({ host, port, upstreamPort, maxEntries = 2000 }: ReplayCacheOptions): Promise<Server> {
  const answers = new Map<string, Answer>();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createServer((req, res) => {
    const method = req.method ?? "GET";
    const key = method === "GET" ? keyOf(method, req.url ?? "/", req.headers) : undefined;
    const cached = key === undefined ? undefined : answers.get(key);
    if (cached) {
      res.writeHead(cached.status, { ...cached.headers, "x-tikhub-mock-cache": "hit" });
      res.end(cached.body);
      return;
    }
    const upstream = request(
      { host: "127.0.0.1", port: upstreamPort, method, path: req.url, headers: req.headers, agent },
      (answer) => {
        const chunks: Buffer[] = [];
        let size = 0;
        answer.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
        });
        answer.on("end", () => {
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
          const body = Buffer.concat(chunks, size);
          if (key !== undefined && size <= MAX_BODY_BYTES) {
            if (answers.size >= maxEntries) answers.delete(answers.keys().next().value!);
            answers.set(key, { status: answer.statusCode ?? 502, headers, body });
          }
          res.writeHead(answer.statusCode ?? 502, key === undefined ? headers : { ...headers, "x-tikhub-mock-cache": "miss" });
          res.end(body);
        });
        answer.on("error", (error) => fail(error));
      },
    );
    const fail = (error: Error) => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 502, msg: `tikhub-mock: Prism did not answer (${error.message})`, data: null }));
    };
    upstream.on("error", fail);
    req.pipe(upstream);
  });
  server.on("close", () => agent.destroy());
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(host, port) : error));
    server.listen({ host, port, exclusive: true }, () => resolve(server));
  });
}
