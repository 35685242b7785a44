// The one error type of the spec tools: its message says what was wrong and what to do; the command
// lines print it as `<tool>: <message>` and exit 2 (1 is kept for "breaking change found").
export class SpecToolError extends Error {
  name = "SpecToolError";
}
