// Markdown helpers for bench/README.md. Every figure carries its unit.

export const formatBytes = (bytes) => `${Math.round(bytes).toLocaleString('en-US')} B`;

export const formatMegabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

export const formatRatio = (ratio) => `${ratio.toFixed(2)}×`;

/** Milliseconds with a sensible number of digits. */
export const formatMs = (ms) => `${ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)} ms`;

export const formatMicroseconds = (us) => `${us >= 100 ? us.toFixed(0) : us.toFixed(1)} µs`;

/** A Markdown table; `|` inside cells is escaped. */
export function table(headers, rows) {
  const cell = (value) => String(value ?? '').replaceAll('|', '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}
