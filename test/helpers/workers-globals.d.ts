// The few Cloudflare Workers types that the Worker's modules name, for the Node-side typecheck
// (tsconfig.test.json), where Node tests run createScribeWorker as a plain fetch handler. The real
// definitions come from @cloudflare/workers-types in worker/tsconfig.json, which cannot be mixed
// with the DOM library used here.
interface Fetcher {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}
interface RateLimit {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}
interface DurableObjectId {
  toString(): string;
}
interface DurableObjectStorage {
  get<T>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
}
interface DurableObjectState {
  storage: DurableObjectStorage;
}
type DurableObjectStub<T> = T & Fetcher;
interface DurableObjectNamespace<T = undefined> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): DurableObjectStub<T>;
}

declare module 'cloudflare:workers' {
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
    fetch?(request: Request): Response | Promise<Response>;
  }
}
