import type { JobClock } from './job-clock.js';

/** The four services the sandbox emulates. */
export type SandboxProviderName = 'soniox' | 'soferai' | 'mistral' | 'scriptivox';

/** What every emulator of one sandbox shares. */
export interface EmulatorContext {
  /** The sandbox's clock and job delays. */
  readonly clock: JobClock;
}

/** One service's emulator: the hosts it answers for and its request handler. */
export interface ProviderEmulator {
  /** The service. */
  readonly provider: SandboxProviderName;
  /** The real hosts it answers for, lower case. */
  readonly hosts: readonly string[];
  /** Answers a request whose host is one of {@link hosts}; never rejects. */
  fetch(request: Request, url: URL): Promise<Response>;
}
