// Preloaded (`node --import`) into every ts/js block the README test runs: the blocks are printed for
// the real API or for a mock on the default port, so this sends their fetch calls to the mock the
// test started (README_TEST_MOCK_URL), and refuses any other host than the loopback with an error
// naming it (the tests never use the network).
const mockUrl = process.env.README_TEST_MOCK_URL;
const REDIRECTS = ["https://api.tikhubapi.com/api/v1", "http://127.0.0.1:4010", "http://localhost:4010"];
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const realFetch = globalThis.fetch;

function redirect(url) {
  for (const prefix of REDIRECTS) {
    if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) return mockUrl + url.slice(prefix.length);
  }
  return url;
}

if (mockUrl && realFetch) {
  globalThis.fetch = function readmeTestFetch(input, init) {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const target = redirect(url);
    const host = new URL(target).hostname;
    if (!LOOPBACK.has(host)) return Promise.reject(new Error(`README example tried to reach ${host}: the README test allows the mock and 127.0.0.1 only`));
    if (target === url) return realFetch(input, init);
    if (typeof input === "string" || input instanceof URL) return realFetch(target, init);
    return realFetch(new Request(target, input), init);
  };
}
