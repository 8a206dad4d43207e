/** Soniox data-residency regions. */
export type SonioxRegion = 'us' | 'eu' | 'jp';

// Hosts derive from one base domain per region; US has no subdomain (reference/soniox.md §1,
// from the official SDK's resolveConnectionConfig; the EU/JP names are unconfirmed against the docs).
const baseDomains: Record<SonioxRegion, string> = {
  us: 'soniox.com',
  eu: 'eu.soniox.com',
  jp: 'jp.soniox.com',
};

/** The REST origin of a region, such as `https://api.eu.soniox.com`. */
export function sonioxApiOrigin(region: SonioxRegion = 'us'): string {
  return `https://api.${baseDomains[region]}`;
}

/** The realtime WebSocket URL of a region. */
export function sonioxRealtimeUrl(region: SonioxRegion = 'us'): string {
  return `wss://stt-rt.${baseDomains[region]}/transcribe-websocket`;
}

/** Whether `value` names a region. */
export function isSonioxRegion(value: unknown): value is SonioxRegion {
  return typeof value === 'string' && Object.hasOwn(baseDomains, value);
}
