import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { DemoSample } from '../../../worker/src/sandbox/samples/demo-sample.js';
import { wordsText } from '../../../worker/src/sandbox/samples/demo-sample.js';
import { DEMO_SAMPLES } from '../../../worker/src/sandbox/samples/demo-samples.js';
import {
  ASSUMED_URL_DURATION_MS,
  identifyAudioBytes,
  identifyAudioUrl,
} from '../../../worker/src/sandbox/samples/identify-audio.js';
import { createSampleRegistry, sha256Hex } from '../../../worker/src/sandbox/samples/sample-registry.js';
import { SANDBOX_SCRIPT, sandboxWords } from '../../../worker/src/sandbox/samples/sandbox-words.js';

const bytesOf = (name: string): ArrayBuffer => {
  const buffer = readFileSync(new URL(`../../fixtures/audio/${name}`, import.meta.url));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
};
const durations = JSON.parse(
  readFileSync(new URL('../../fixtures/audio/durations.json', import.meta.url), 'utf8'),
) as Record<string, number>;
const registry = createSampleRegistry();

describe('demo samples', () => {
  test('speech.wav is registered under its real SHA-256, with the text espeak-ng spoke', async () => {
    const sample = registry.byHash(await sha256Hex(bytesOf('speech.wav')));
    expect(sample?.id).toBe('fox');
    expect(wordsText(sample?.words ?? [])).toBe('The quick brown fox jumps over the lazy dog.');
    expect(sample?.durationMs).toBe(Math.round((durations['speech.wav'] ?? 0) * 1000));
  });

  test('every sample is well formed: ordered words inside the recording', () => {
    for (const sample of DEMO_SAMPLES) {
      let previousEnd = 0;
      for (const word of sample.words) {
        expect(word.text).not.toMatch(/\s/);
        expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
        expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
        previousEnd = word.endMs;
      }
      expect(previousEnd).toBeLessThanOrEqual(sample.durationMs);
    }
  });

  test('lookup by hash (any case), by file name and by URL', () => {
    const hash = DEMO_SAMPLES[0]?.sha256[0] ?? '';
    expect(registry.byHash(hash.toUpperCase())?.id).toBe('fox');
    expect(registry.byHash('0'.repeat(64))).toBeUndefined();
    expect(registry.byFileName('SPEECH.WAV')?.id).toBe('fox');
    expect(registry.byUrl('https://example.com/a/b/speech.wav?download=1#t=2')?.id).toBe('fox');
    expect(registry.byUrl('https://example.com/speech%2Ewav')?.id).toBe('fox');
    expect(registry.byUrl('https://example.com/speech.wav/other.wav')).toBeUndefined();
    expect(registry.byUrl('not a url')).toBeUndefined();
  });

  test('a registry refuses samples that claim the same hash or name, and malformed hashes', () => {
    const base: DemoSample = {
      id: 'a',
      sha256: ['a'.repeat(64)],
      fileNames: ['a.wav'],
      language: 'en',
      durationMs: 1,
      words: [],
    };
    expect(() => createSampleRegistry([base, { ...base, id: 'b', fileNames: ['b.wav'] }])).toThrow(TypeError);
    expect(() => createSampleRegistry([base, { ...base, id: 'b', sha256: ['b'.repeat(64)] }])).toThrow(
      TypeError,
    );
    expect(() => createSampleRegistry([{ ...base, sha256: ['xyz'] }])).toThrow(TypeError);
    expect(createSampleRegistry([base]).byFileName('a.wav')).toBe(base);
  });
});

describe('identifying audio', () => {
  test('the demo sample by its bytes, with its probed duration', async () => {
    expect(await identifyAudioBytes(bytesOf('speech.wav'), registry)).toMatchObject({
      kind: 'sample',
      sample: { id: 'fox' },
      durationMs: 3439,
    });
  });

  test('other audio by its probed duration', async () => {
    for (const name of ['speech.flac', 'long.opus', 'speech.m4a']) {
      const identity = await identifyAudioBytes(bytesOf(name), registry);
      expect(identity).toMatchObject({ kind: 'audio', duration: 'probed' });
      const expected = (durations[name] ?? 0) * 1000;
      expect(identity.kind === 'audio' && Math.abs(identity.durationMs - expected)).toBeLessThan(50);
    }
  });

  test('a recognised container whose length cannot be read is estimated from its size', async () => {
    const flacHeaderOnly = new Uint8Array(32_000);
    flacHeaderOnly.set(new TextEncoder().encode('fLaC'));
    expect(await identifyAudioBytes(flacHeaderOnly.buffer, registry)).toEqual({
      kind: 'audio',
      durationMs: 2000,
      duration: 'estimated',
    });
  });

  test('bytes the sniffer does not recognise, and no bytes at all, are undecodable', async () => {
    for (const bytes of [new TextEncoder().encode('hello, world\n'.repeat(100)), new Uint8Array(0)]) {
      expect(await identifyAudioBytes(bytes.buffer as ArrayBuffer, registry)).toEqual({
        kind: 'undecodable',
      });
    }
  });

  test('URLs: unreachable.invalid fails, a sample name is the sample, anything else is 10 s', () => {
    expect(identifyAudioUrl('https://UNREACHABLE.invalid/speech.wav', registry)).toEqual({
      kind: 'unreachable',
      url: 'https://UNREACHABLE.invalid/speech.wav',
    });
    expect(identifyAudioUrl('http://example.com/speech.wav', registry)).toMatchObject({
      kind: 'sample',
      durationMs: 3439,
    });
    expect(identifyAudioUrl('https://example.com/talk.mp3', registry)).toEqual({
      kind: 'audio',
      durationMs: ASSUMED_URL_DURATION_MS,
      duration: 'assumed',
    });
  });
});

describe('sandboxWords', () => {
  test('span the duration with the marked script, ending a sentence', () => {
    const words = sandboxWords(7_300);
    expect(words).toHaveLength(18);
    expect(words[0]).toEqual({ text: 'This', startMs: 0, endMs: 326 });
    expect(words.map((word) => word.text).join(' ')).toMatch(
      /^This is a sandbox transcript\. The scribekit sandbox/,
    );
    expect(words.at(-1)?.endMs).toBeLessThanOrEqual(7_300);
    expect(words.at(-1)?.endMs).toBeGreaterThan(7_200);
    expect(words.at(-1)?.text).toMatch(/\.$/);
    for (const [index, word] of words.entries()) {
      expect(word.endMs).toBeGreaterThan(word.startMs);
      expect(word.startMs).toBeGreaterThanOrEqual(words[index - 1]?.endMs ?? 0);
    }
  });

  test('repeat the script for long audio', () => {
    const scriptWords = SANDBOX_SCRIPT.join(' ').split(' ').length;
    const words = sandboxWords(60_000);
    expect(words).toHaveLength(150);
    expect(words[scriptWords]?.text).toBe('This');
  });

  test('alternate speakers by sentence when asked', () => {
    const words = sandboxWords(20_000, { speakers: 2 });
    expect(words[0]?.speaker).toBe('1');
    expect(words[5]?.speaker).toBe('2');
    expect(sandboxWords(20_000).every((word) => word.speaker === undefined)).toBe(true);
  });

  test('short and empty audio', () => {
    expect(sandboxWords(0)).toEqual([]);
    expect(sandboxWords(Number.NaN)).toEqual([]);
    expect(sandboxWords(150)).toEqual([{ text: 'This.', startMs: 0, endMs: 120 }]);
  });
});
