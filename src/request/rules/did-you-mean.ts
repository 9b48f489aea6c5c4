/** Levenshtein distance, small inputs only (keys and model names). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + cost);
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The closest candidate to `input`, if it is close enough to be a plausible typo
 * (case-insensitive, at most a third of the word wrong).
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = distance(needle, candidate.toLowerCase());
    if (!best || score < best.score) best = { candidate, score };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(input.length, best.candidate.length) / 3));
  return best.score <= limit ? best.candidate : undefined;
}

/** ` — did you mean "x"?` or the empty string. */
export function didYouMeanSuffix(input: string, candidates: readonly string[]): string {
  const match = didYouMean(input, candidates);
  return match ? ` — did you mean "${match}"?` : "";
}
