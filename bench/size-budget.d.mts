/** One budgeted bundle, measured: esbuild (browser, minified, tree-shaken), then gzip -9. */
export interface BudgetedSize {
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** The target for min+gzip, in bytes. */
  target: number;
}

/** The min+gzip targets in bytes, by bundle name. */
export const targets: Readonly<Record<string, number>>;

/** Measures the budgeted bundles that exist today, by name. */
export function measureBudgetedSizes(): Promise<Record<string, BudgetedSize>>;
