import type { TikHubError } from "../src/index.js";

/** The error a call rejects with; fails the test if it resolves instead. */
export async function caught(promise: Promise<unknown>): Promise<TikHubError> {
  try {
    await promise;
  } catch (error) {
    return error as TikHubError;
  }
  throw new Error("expected the call to throw");
}
