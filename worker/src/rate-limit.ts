import type { Env } from './env.js';

/** A fixed-window counter per client, for when the Workers rate-limit binding is not configured (local dev, tests). */
export interface LocalRateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** Creates the in-memory fallback: `limit` calls per `periodSeconds` per key, within one isolate. */
export function createLocalRateLimiter(
  limit: number,
  periodSeconds: number,
  now: () => number = Date.now,
): LocalRateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async limit({ key }) {
      const time = now();
      const window = windows.get(key);
      if (window === undefined || time - window.start >= periodSeconds * 1000) {
        windows.set(key, { start: time, count: 1 });
        // Keep the map from growing without bound on a long-lived isolate.
        if (windows.size > 10_000) windows.clear();
        return { success: true };
      }
      window.count++;
      return { success: window.count <= limit };
    },
  };
}

/** The client a request counts against: its IP as Cloudflare reports it. */
export function clientKey(request: Request): string {
  return (
    request.headers.get('CF-Connecting-IP') ??
    request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim() ??
    'unknown-client'
  );
}

/** The limiter to use: the `KEY_RATE_LIMITER` binding when deployed with one, else the fallback. */
export function pickRateLimiter(env: Env, fallback: LocalRateLimiter): LocalRateLimiter {
  return env.KEY_RATE_LIMITER ?? fallback;
}
