// The code-sample test (docs/test/samples.test.mjs) runs curl, Python with `requests` and Java (javac +
// java, 11 or newer for java.net.http): the same check as `pnpm test`'s own (scripts/check-prerequisites.mjs),
// limited to those three, so the docs tests run on their own fail the same clear way.
import { ensurePrerequisites } from "./check-prerequisites.mjs";

/** Throws an Error naming what is missing and how to install it (as root with apt-get, installs it instead). */
export function ensureSampleRuntimes() {
  const missing = ensurePrerequisites({ only: ["curl", "python", "jdk"] });
  if (missing) throw new Error(missing);
}
