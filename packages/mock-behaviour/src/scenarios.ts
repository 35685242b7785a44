// Scenarios a frontend needs: latency, a rate limit per credential, a failure rate. Parsing of the
// option values (with errors naming the option) and the per-request decisions; time and chance are
// injectable so that the decisions are testable and identical in every runtime.

/** A bad scenario option value; `option` is the CLI flag's name (e.g. "--latency"). */
export class ScenarioOptionError extends Error {
  override name = "ScenarioOptionError";
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option} ${message}`);
  }
}

/** Delay range in ms (min = max for a fixed delay). */
export interface Latency {
  minMs: number;
  maxMs: number;
}

export interface ScenarioOptions {
  /** Every answer is delayed: a fixed ms, or a range. */
  latency?: Latency;
  /** At most this many requests per second per credential (the Authorization header); beyond: 429. */
  rateLimit?: number;
  /** Share (0–1) of requests answered with the documented 500. */
  failRate?: number;
}

const MAX_LATENCY_MS = 600_000;

/** "250" or "100-800" → a Latency; a number is taken as a fixed delay. */
export function parseLatency(value: string | number | Latency): Latency {
  if (typeof value === "object" && value !== null) return checkLatency(value.minMs, value.maxMs, `${value.minMs}-${value.maxMs}`);
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?$/.exec(text);
  if (!match) throw new ScenarioOptionError("--latency", `must be milliseconds (e.g. 250) or a range MIN-MAX (e.g. 100-800), got "${text}"`);
  const min = Number(match[1]);
  return checkLatency(min, match[2] === undefined ? min : Number(match[2]), text);
}

function checkLatency(minMs: number, maxMs: number, text: string): Latency {
  if (!Number.isFinite(minMs) || !Number.isFinite(maxMs) || minMs < 0 || maxMs < minMs || maxMs > MAX_LATENCY_MS) {
    throw new ScenarioOptionError("--latency", `must be 0–${MAX_LATENCY_MS} ms with MIN ≤ MAX, got "${text}"`);
  }
  return { minMs, maxMs };
}

/** "5" → 5 requests per second per credential: a whole number ≥ 1. */
export function parseRateLimit(value: string | number): number {
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new ScenarioOptionError("--rate-limit", `must be a whole number of requests per second ≥ 1, got "${text}"`);
  return n;
}

/** "0.2" → 20 % of requests fail: a number from 0 to 1. */
export function parseFailRate(value: string | number): number {
  const text = String(value).trim();
  const n = Number(text);
  if (text === "" || !Number.isFinite(n) || n < 0 || n > 1)
    throw new ScenarioOptionError("--fail-rate", `must be a number from 0 to 1 (e.g. 0.1), got "${text}"`);
  return n;
}

/** Validates and normalises options given as values or CLI text. */
export function normaliseScenarios(options: { latency?: string | number | Latency; rateLimit?: string | number; failRate?: string | number }): ScenarioOptions {
  return {
    ...(options.latency !== undefined ? { latency: parseLatency(options.latency) } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: parseRateLimit(options.rateLimit) } : {}),
    ...(options.failRate !== undefined ? { failRate: parseFailRate(options.failRate) } : {}),
  };
}

export interface RateLimitDecision {
  limited: boolean;
  /** When limited: whole seconds until the window reopens (≥ 1). */
  retryAfterSeconds?: number;
}

/**
 * Fixed one-second windows per credential: the first request of a credential opens its window;
 * the (N+1)th within it is refused until the window closes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  take(credential: string): RateLimitDecision {
    const now = this.now();
    let window = this.windows.get(credential);
    if (!window || now - window.start >= 1000) {
      if (this.windows.size > 10_000) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(credential, window);
    }
    window.count++;
    if (window.count <= this.perSecond) return { limited: false };
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((window.start + 1000 - now) / 1000)) };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= 1000) this.windows.delete(key);
  }
}

/** A delay drawn from the latency range (whole ms). */
export function drawLatency(latency: Latency | undefined, random: () => number): number {
  if (!latency) return 0;
  return Math.round(latency.minMs + (latency.maxMs - latency.minMs) * random());
}
