import { jsonResponse } from './shared/json-response.js';
import type { ProviderEmulator, SandboxProviderName } from './shared/provider-emulator.js';

/** The sandbox's own error body, used only where no provider would answer (an unknown host). */
export interface SandboxErrorBody {
  /** What went wrong. */
  readonly error: { readonly code: string; readonly message: string };
}

/** Dispatches requests by host to the emulator of the service that owns it. */
export interface SandboxRouter {
  /** Answers a request addressed to a real service URL; never rejects. */
  fetch(request: Request): Promise<Response>;
  /** Every host some emulator answers for. */
  readonly hosts: readonly string[];
  /** The service a host belongs to, or `undefined`. */
  providerForHost(host: string): SandboxProviderName | undefined;
}

/**
Builds the router over a set of emulators.

Hosts are matched on the URL's hostname alone: scheme and port are ignored, so
`http://api.soniox.com:8443/v1/models` reaches the Soniox emulator just as the real `https` URL
does. Realtime WebSocket hosts (`stt-rt.soniox.com` and its regions) will be listed by the Soniox
emulator itself when it gains its realtime half; this router needs no change for them.
*/
export function createSandboxRouter(emulators: readonly ProviderEmulator[]): SandboxRouter {
  const byHost = new Map<string, ProviderEmulator>();
  for (const emulator of emulators) {
    for (const host of emulator.hosts) {
      const key = normalizeHost(host);
      const owner = byHost.get(key);
      if (owner !== undefined) {
        throw new Error(`Sandbox host ${key} is claimed by both ${owner.provider} and ${emulator.provider}.`);
      }
      byHost.set(key, emulator);
    }
  }

  return {
    hosts: Object.freeze([...byHost.keys()]),
    providerForHost: (host) => byHost.get(normalizeHost(host))?.provider,
    async fetch(request) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return unknownHost(request.url);
      }
      const emulator = byHost.get(normalizeHost(url.hostname));
      if (emulator === undefined) {
        return unknownHost(url.host);
      }
      try {
        return await emulator.fetch(request, url);
      } catch (error) {
        // Emulators catch their own handler errors; reaching this is a sandbox bug.
        const body: SandboxErrorBody = {
          error: {
            code: 'sandbox_internal_error',
            message: `The ${emulator.provider} sandbox failed: ${describe(error)}`,
          },
        };
        return jsonResponse(body, 500);
      }
    },
  };
}

/** Lower-cases a host and drops a port and a trailing dot, so `API.Soniox.com.:443` finds `api.soniox.com`. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '');
}

function unknownHost(host: string): Response {
  const body: SandboxErrorBody = {
    error: { code: 'sandbox_unknown_host', message: `The sandbox emulates no service at ${host}.` },
  };
  return jsonResponse(body, 502);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
