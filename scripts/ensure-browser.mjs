// Where the browser tests find Chromium (Debian's, driven through playwright-core; no browser
// download): CHROMIUM_PATH, else /usr/bin/chromium. `pnpm test` checks it is there before it starts
// (scripts/check-prerequisites.mjs, which also says how to install it).
import { existsSync } from "node:fs";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless, offline and quiet: no sandbox (containers), no GPU, no QUIC, no background traffic of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches the Chromium at chromiumPath with CHROMIUM_ARGS through the caller's playwright-core
 * (`import { chromium } from "playwright-core"`: each package that drives a browser has its own copy).
 * A missing browser fails with an Error naming the path and how to install it.
 * @template Browser
 * @param {{ launch(options: { executablePath: string; args: string[] }): Promise<Browser> }} chromium
 * @returns {Promise<Browser>}
 */
export async function launchChromium(chromium) {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
