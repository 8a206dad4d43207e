import { createScribeWorker } from './create-scribe-worker.js';
import type { Env } from './env.js';

export { JobEventsObject } from './jobs/job-events-object.js';

export default createScribeWorker() satisfies ExportedHandler<Env>;
