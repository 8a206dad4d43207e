import { DurableObject } from 'cloudflare:workers';
import { createMemoryJobHub, type JobHub } from './job-hub.js';
import type { JobState } from './job-state.js';

/**
One Durable Object per job: the webhook's `record` and the browser's SSE stream reach the same
object, wherever in the world each request landed. The last state survives in storage.
*/
export class JobEventsObject extends DurableObject {
  private readonly hub: JobHub = createMemoryJobHub({
    onRecord: (state) => this.ctx.storage.put('state', state),
  });
  private restored: Promise<void> | undefined;

  /** Records a job state (called by the webhook route over RPC). */
  async record(state: JobState): Promise<void> {
    await this.restore();
    await this.hub.record(state);
  }

  /** The last recorded state, if any (RPC). */
  async state(id: string): Promise<JobState | undefined> {
    await this.restore();
    return this.hub.get(id);
  }

  /** Serves the job's SSE stream. */
  override async fetch(request: Request): Promise<Response> {
    await this.restore();
    const id = new URL(request.url).searchParams.get('id') ?? '';
    return this.hub.events(id, request.signal);
  }

  private restore(): Promise<void> {
    this.restored ??= (async () => {
      const saved = await this.ctx.storage.get<JobState>('state');
      if (saved !== undefined && (await this.hub.get(saved.id)) === undefined) await this.hub.record(saved);
    })();
    return this.restored;
  }
}
