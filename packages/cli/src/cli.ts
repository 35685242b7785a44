import { main } from "./main.js";

// A closed pipe (`tikhub … | head -1`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// main() resolves once the answer or the error is written and every file is closed. Exit then, once
// stdout and stderr are flushed: nothing left in the background (a socket, a timer) may keep the
// process alive after it has said what happened.
main().then((code) => {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
});
