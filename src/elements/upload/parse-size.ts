const multipliers: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
Parses a size as `max-size` takes it: a byte count (`1048576`), or a number with a unit (`500MB`,
`1.5 GB`, `1GiB`; case-insensitive). KB, MB, GB and TB are powers of 1000, as file managers show
sizes; KiB, MiB, GiB and TiB are powers of 1024. Returns `undefined` for anything else.
*/
export function parseSize(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (match === null) return undefined;
  const multiplier = multipliers[(match[2] ?? '').toLowerCase() || 'b'];
  return multiplier === undefined ? undefined : Math.round(Number(match[1]) * multiplier);
}
