import type { JobEventsObject } from './job-events-object.js';
import type { JobHub } from './job-hub.js';

/** A {@link JobHub} that keeps each job in its own `JobEventsObject`, named by the job id. */
export function createDurableJobHub(namespace: DurableObjectNamespace<JobEventsObject>): JobHub {
  const stub = (id: string) => namespace.get(namespace.idFromName(id));
  return {
    async record(state) {
      await stub(state.id).record(state);
    },
    async get(id) {
      return (await stub(id).state(id)) ?? undefined;
    },
    events(id, signal) {
      const url = `https://job-events.internal/events?id=${encodeURIComponent(id)}`;
      return stub(id).fetch(new Request(url, signal === undefined ? {} : { signal }));
    },
  };
}
