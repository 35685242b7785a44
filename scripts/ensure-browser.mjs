// Where the browser tests find Chromium (Debian's, driven through playwright-core; no browser
// download): CHROMIUM_PATH, else /usr/bin/chromium. `pnpm test` checks it is there before it starts
// (scripts/check-prerequisites.mjs, which also says how to install it).
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
