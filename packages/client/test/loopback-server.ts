// A real HTTP server on 127.0.0.1 whose answers the test scripts one request at a time.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value (sent with JSON.stringify) or raw text. */
  body?: unknown;
  raw?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  destroy?: boolean;
  /** Never answer (the client has to give up). */
  hang?: boolean;
}

/** A 200 answer with the success envelope around `data`. */
export const ok = (data: unknown): Answer => ({ body: { code: 0, msg: "success", data } });

export interface SeenRequest {
  url: URL;
  headers: IncomingMessage["headers"];
}

export interface LoopbackServer {
  url: string;
  requests: SeenRequest[];
  /** Connections the server holds open now. */
  openSockets(): number;
  /** performance.now() of every connection close the server saw, in order. */
  closes: number[];
  /** Answers in order; the last one repeats. */
  answer(...answers: Array<Answer | ((request: SeenRequest, index: number) => Answer)>): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  let script: Array<Answer | ((request: SeenRequest, index: number) => Answer)> = [ok({})];
  const requests: SeenRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const closes: number[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const seen = { url: new URL(req.url ?? "/", "http://127.0.0.1"), headers: req.headers };
    const index = requests.push(seen) - 1;
    const step = script[Math.min(index, script.length - 1)];
    const answer = typeof step === "function" ? step(seen, index) : step;
    if (answer.hang) return;
    const send = () => {
      if (answer.destroy) return req.socket.destroy();
      const text = answer.raw ?? JSON.stringify(answer.body ?? { code: 0, msg: "success", data: {} });
      res.writeHead(answer.status ?? 200, { "content-type": answer.raw ? "text/html" : "application/json", ...answer.headers });
      res.end(text);
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      closes.push(performance.now());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openSockets: () => sockets.size,
    closes,
    answer: (...answers) => {
      script = answers;
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
