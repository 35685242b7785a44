export { PortInUseError } from "./ports.js";
export type { RunningMock, StartMockOptions } from "./start-mock.js";
export { MockStartError, startMock } from "./start-mock.js";
