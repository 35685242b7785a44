import { createServer } from "node:net";

/** Thrown when the mock's port is taken; the CLI prints its message alone. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(readonly host: string, readonly port: number) {
    super(`port ${port} on ${host} is already in use: stop what runs there or pick another with --port (or PORT=…)`);
  }
}

/** Binds host:port for a moment: resolves the port that was free (a fresh one for port 0), or rejects with PortInUseError. */
export function reservePort(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" || error.code === "EACCES" ? new PortInUseError(host, port) : error);
    });
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}
