import { describe, expect, test } from 'vitest';
import { createJobClock } from '../../../worker/src/sandbox/shared/job-clock.js';
import { chargeCents } from '../../../worker/src/sandbox/soferai/soferai-billing.js';
import { createSoferaiEmulator } from '../../../worker/src/sandbox/soferai/soferai-emulator.js';
import { createSoferaiState } from '../../../worker/src/sandbox/soferai/soferai-state.js';

const DELAYS = { queuedMs: 1000, processingMs: 2000 };

/** A silent 8 kHz 8-bit mono WAV of `seconds`. */
function silentWav(seconds: number): string {
  const samples = Math.round(seconds * 8000);
  const bytes = Buffer.alloc(44 + samples, 128);
  bytes.write('RIFF', 0, 'ascii');
  bytes.writeUInt32LE(36 + samples, 4);
  bytes.write('WAVEfmt ', 8, 'ascii');
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(8000, 24);
  bytes.writeUInt32LE(8000, 28);
  bytes.writeUInt16LE(1, 32);
  bytes.writeUInt16LE(8, 34);
  bytes.write('data', 36, 'ascii');
  bytes.writeUInt32LE(samples, 40);
  return bytes.toString('base64');
}

function account(depositCents?: number) {
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const emulator = createSoferaiEmulator(
    { clock: createJobClock({ now: () => now, delays: DELAYS }) },
    createSoferaiState(depositCents === undefined ? {} : { depositCents }),
  );
  const call = async (method: string, path: string, body?: unknown) => {
    const request = new Request(`https://api.sofer.ai${path}`, {
      method,
      headers: { Authorization: 'Bearer k', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const response = await emulator.fetch(request, new URL(request.url));
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return {
    call,
    balance: async () => (await call('GET', '/v1/balance/')).body,
    transcribe: async (seconds: number, info: Record<string, unknown> = {}) =>
      (await call('POST', '/v1/transcriptions/', { audio_file: silentWav(seconds), info })).body as string,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('SoferAI sandbox: balance', () => {
  test('prices per audio hour: v1 $1.20, v0 $1.00, speakers +$0.30, a standard batch $0.90 for v1', () => {
    const hour = 3_600_000;
    const job = { model: 'v1', labelsSpeakers: false, standardBatch: false };
    expect(chargeCents(job, hour)).toBe(120);
    expect(chargeCents({ ...job, model: 'v0' }, hour)).toBe(100);
    expect(chargeCents({ ...job, labelsSpeakers: true }, hour)).toBe(150);
    expect(chargeCents({ ...job, standardBatch: true }, hour)).toBe(90);
    // Whole cents, rounded up: a few seconds still cost a cent.
    expect(chargeCents(job, 3_000)).toBe(1);
    expect(chargeCents(job, 0)).toBe(0);
  });

  test('holds a charge while the transcription runs, spends it when it completes', async () => {
    const { balance, transcribe, advance } = account();
    await transcribe(1800, { model: 'v0' });
    expect(await balance()).toEqual({
      total_balance: 10_000,
      available_balance: 9_950,
      pending_balance: 50,
      all_time_deposits: 10_000,
      all_time_spend: 0,
    });
    advance(3000);
    expect(await balance()).toEqual({
      total_balance: 9_950,
      available_balance: 9_950,
      pending_balance: 0,
      all_time_deposits: 10_000,
      all_time_spend: 50,
    });
  });

  test('releases the hold of a transcription that fails', async () => {
    const { call, balance, advance } = account();
    await call('POST', '/v1/transcriptions/', { audio_url: 'https://unreachable.invalid/a.mp3', info: {} });
    advance(3000);
    expect(await balance()).toMatchObject({ total_balance: 10_000, pending_balance: 0, all_time_spend: 0 });
  });

  test('refuses work the balance cannot cover with INSUFFICIENT_FUNDS, holding nothing', async () => {
    const { call, balance, transcribe, advance } = account(10);
    // 5 min of v1 with labels: 150 × 5/60 = 12.5 → 13 cents, over the 10 deposited.
    const refused = await transcribe(300, { num_speakers: 2 });
    // 4 min of v1: 8 cents; then 2 min more (4 cents) no longer fits in the 2 left available.
    const accepted = await transcribe(240);
    const second = await transcribe(120);
    const status = async (id: string) =>
      ((await call('GET', `/v1/transcriptions/${id}/status`)).body as { status: string }).status;
    expect([await status(refused), await status(accepted), await status(second)]).toEqual([
      'INSUFFICIENT_FUNDS',
      'RECEIVED',
      'INSUFFICIENT_FUNDS',
    ]);
    expect(await balance()).toMatchObject({ available_balance: 2, pending_balance: 8 });
    advance(3000);
    expect(await status(refused)).toBe('INSUFFICIENT_FUNDS');
    expect(await balance()).toMatchObject({ total_balance: 2, available_balance: 2, all_time_spend: 8 });
  });
});
