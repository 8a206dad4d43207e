/** A job's state as the Worker last heard it from a provider's webhook. */
export interface JobState {
  provider: 'soniox' | 'scriptivox' | (string & {});
  /** The provider's job id. */
  id: string;
  /** The provider's status word (`completed`, `error`, `failed`, `processing`, …). */
  status: string;
  /** When the Worker recorded it (ISO 8601). */
  updatedAt: string;
}

const terminalStatuses = new Set(['completed', 'error', 'failed', 'cancelled', 'canceled']);

/** Whether no further state will follow. */
export function isTerminal(state: JobState): boolean {
  return terminalStatuses.has(state.status);
}
