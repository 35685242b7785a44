// Cloudflare Worker entry (bundled with the installed tarball by esbuild, as wrangler would): the
// POSTed body is the config, the answer the cases' result.
import * as client from "@tikhubapi/client";
import { runSmoke } from "./cases.mjs";

export default {
  async fetch(request) {
    return Response.json(await runSmoke(client, await request.json()));
  },
};
