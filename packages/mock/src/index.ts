export { startMock, MockStartError } from "./start-mock.js";
export type { StartMockOptions, RunningMock } from "./start-mock.js";
export { PortInUseError } from "./ports.js";
