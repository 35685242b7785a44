import { main } from "./main.js";

// A closed pipe (`tikhub … | head -1`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main().then((code) => {
  process.exitCode = code;
});
