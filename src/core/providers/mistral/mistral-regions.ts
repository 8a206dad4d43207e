/** Mistral's API servers: the global one, and the EU and US data-residency ones. */
export type MistralRegion = 'global' | 'eu' | 'us';

// The server list of @mistralai/mistralai 2.7.0 (src/lib/config.ts; reference/mistral.md §1).
const origins: Record<MistralRegion, string> = {
  global: 'https://api.mistral.ai',
  eu: 'https://api.eu.mistral.ai',
  us: 'https://api.us.mistral.ai',
};

/** The REST origin of a region, such as `https://api.eu.mistral.ai`. */
export function mistralApiOrigin(region: MistralRegion = 'global'): string {
  return origins[region];
}

/** Whether `value` names a region. */
export function isMistralRegion(value: unknown): value is MistralRegion {
  return typeof value === 'string' && Object.hasOwn(origins, value);
}
