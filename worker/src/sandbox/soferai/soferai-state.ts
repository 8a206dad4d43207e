import { createSampleRegistry, type SampleRegistry } from '../samples/sample-registry.js';
import { MemoryStore } from '../shared/memory-store.js';
import type { SoferaiJob } from './soferai-job.js';

/** A category and the transcriptions filed in it. */
export interface SoferaiCategory {
  readonly id: string;
  readonly name: string;
  readonly color_hex: string;
  readonly created_at: string;
  readonly description: string | null;
  readonly auto_tag_enabled: boolean;
  /** The transcriptions filed here, in the order they were added. */
  readonly links: readonly { readonly transcriptionId: string; readonly position: number }[];
}

/** A batch: its transcriptions, in the order of its sources. */
export interface SoferaiBatch {
  readonly id: string;
  readonly transcriptionIds: readonly string[];
}

/** One item of a batch manifest, as validated. */
export interface SoferaiManifestItem {
  readonly audio_url: string;
  readonly title: string | null;
  readonly client_item_id: string | null;
  readonly num_speakers: number | null;
  readonly auto_detect_speakers: boolean | null;
}

/** A batch manifest (`/v1/transcriptions/batch-files`). */
export interface SoferaiBatchFile {
  readonly id: string;
  readonly created_at: string;
  readonly item_count: number;
  readonly size_bytes: number;
  readonly checksum: string;
  readonly status: 'VALID' | 'INVALID';
  readonly validation_errors: readonly string[];
  readonly title: string | null;
  readonly description: string | null;
  /** The valid items, ready to become transcriptions. */
  readonly items: readonly SoferaiManifestItem[];
}

/** What a SoferAI emulator holds: one account. */
export interface SoferaiState {
  readonly transcriptions: MemoryStore<SoferaiJob>;
  readonly categories: MemoryStore<SoferaiCategory>;
  readonly batches: MemoryStore<SoferaiBatch>;
  readonly batchFiles: MemoryStore<SoferaiBatchFile>;
  /** The demo samples the emulator recognises. */
  readonly samples: SampleRegistry;
  /** What the account was funded with, in US cents. */
  readonly depositCents: number;
}

/** The sandbox account's deposit: US$100, about 83 hours of v1 audio. */
export const SOFERAI_SANDBOX_DEPOSIT_CENTS = 10_000;

/**
A fresh, empty {@link SoferaiState}. `depositCents` lets a test fund the account with less, to
reach `INSUFFICIENT_FUNDS` without hours of audio.
*/
export function createSoferaiState(
  options: { samples?: SampleRegistry; depositCents?: number } = {},
): SoferaiState {
  const depositCents = options.depositCents ?? SOFERAI_SANDBOX_DEPOSIT_CENTS;
  if (!Number.isSafeInteger(depositCents) || depositCents < 0) {
    throw new RangeError(
      `The SoferAI sandbox deposit must be a whole number of cents ≥ 0, got ${depositCents}.`,
    );
  }
  return {
    transcriptions: new MemoryStore(),
    categories: new MemoryStore(),
    batches: new MemoryStore(),
    batchFiles: new MemoryStore(),
    samples: options.samples ?? createSampleRegistry(),
    depositCents,
  };
}
