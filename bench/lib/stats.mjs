// Order statistics over repeated measurements.

export function median(values) {
  return percentile(values, 50);
}

/** The nearest-rank percentile (p in 0–100) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}
