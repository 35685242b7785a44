// Launcher for runtimes that resolve packages from node_modules (Node, Bun, Deno): imports the
// installed tarball by its package name, runs the cases, prints one SMOKE_RESULT line.
import * as client from "@tikhubapi/client";
import { runSmoke } from "./cases.mjs";

const config = JSON.parse(globalThis.Deno ? globalThis.Deno.args[0] : process.argv[2]);
console.log(`SMOKE_RESULT ${JSON.stringify(await runSmoke(client, config))}`);
