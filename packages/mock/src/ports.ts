/** Thrown when the mock's port is taken; the CLI prints its message alone. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`port ${port} on ${host} is already in use: stop what runs there or pick another with --port (or PORT=…)`);
  }
}
