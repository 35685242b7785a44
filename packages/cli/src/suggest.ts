/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `input`, when it is close enough to be a likely typo (or contains / is contained in it). */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(input, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  if (bestScore <= Math.max(2, Math.floor(best.length / 3))) return best;
  const partial = candidates.find((c) => c.includes(input) || (input.length > 2 && input.includes(c)));
  return partial;
}

export function didYouMean(input: string, candidates: readonly string[], render: (s: string) => string = (s) => s): string {
  const match = closest(input, candidates);
  return match === undefined ? "" : `; did you mean ${render(match)}?`;
}
