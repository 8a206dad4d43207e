import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { probeDuration, sniffContainer, type AudioProbe } from '../../../src/core/audio/index.js';
import { concatBytes, fixtureNames, readFixture } from './audio-fixtures.js';

// Every probe of a few kilobytes finishes in well under a millisecond; a second means a loop
// that does not advance. (A synchronous hang would also trip the test timeout.)
const timeLimit = 1000;

async function probeSafely(bytes: Uint8Array, asBlob: boolean): Promise<AudioProbe> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`probeDuration took over ${timeLimit} ms`)), timeLimit);
  });
  try {
    const input = asBlob ? new Blob([bytes.slice()]) : bytes;
    const probe = await Promise.race([probeDuration(input), timeout]);
    expect(performance.now() - started).toBeLessThan(timeLimit);
    return probe;
  } finally {
    clearTimeout(timer);
  }
}

function expectSane(probe: AudioProbe): void {
  const { durationInSeconds, method, container } = probe;
  if (durationInSeconds === undefined) {
    expect(method).toBeUndefined();
  } else {
    expect(Number.isFinite(durationInSeconds)).toBe(true);
    expect(durationInSeconds).toBeGreaterThanOrEqual(0);
    expect(method).toBeDefined();
    expect(container).toBeDefined();
  }
}

const fixtures = fixtureNames.map((name) => ({ name, bytes: readFixture(name) }));

// Magic numbers that lead the fuzzer's random bytes into each format parser.
const prefixes = [
  concatBytes('RIFF', [0xff, 0xff, 0xff, 0xff], 'WAVE'),
  concatBytes('RF64', [0xff, 0xff, 0xff, 0xff], 'WAVE', 'ds64'),
  concatBytes('fLaC', [0, 0, 0, 34]),
  concatBytes('OggS', [0]),
  concatBytes([0x1a, 0x45, 0xdf, 0xa3]),
  concatBytes([0, 0, 0, 0x10], 'ftyp'),
  concatBytes([0, 0, 0, 0], 'moov'),
  concatBytes([0xff, 0xf1, 0x60, 0x40]),
  concatBytes([0xff, 0xfb, 0x90, 0x64]),
  concatBytes('ID3', [4, 0, 0, 0, 0, 0, 0]),
];

describe('probeDuration under fuzzing', () => {
  it('resolves sanely for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, asBlob) => {
        expect(() => sniffContainer(bytes)).not.toThrow();
        expectSane(await probeSafely(bytes, asBlob));
      }),
      { numRuns: 300 },
    );
  });

  it('resolves sanely for random bytes behind every magic number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 2048 }),
        fc.boolean(),
        async (prefix, rest, asBlob) => {
          const bytes = concatBytes(prefix, rest);
          expect(() => sniffContainer(bytes)).not.toThrow();
          expectSane(await probeSafely(bytes, asBlob));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('resolves sanely for every fixture truncated at random lengths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        async ({ bytes }, fraction, asBlob) => {
          expectSane(await probeSafely(bytes.subarray(0, Math.floor(bytes.length * fraction)), asBlob));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('resolves sanely for every fixture truncated within its first kilobyte', async () => {
    // The headers live in the first bytes: cut there, every field read is one past the end.
    for (const { bytes } of fixtures) {
      for (let length = 0; length <= 1024; length++)
        expectSane(await probeSafely(bytes.subarray(0, length), false));
    }
  });

  it('resolves sanely for every fixture with random bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
            fc.integer({ min: 0, max: 255 }),
          ),
          {
            minLength: 1,
            maxLength: 16,
          },
        ),
        fc.boolean(),
        async ({ bytes }, changes, asBlob) => {
          const copy = bytes.slice();
          // Most changes land in the headers, where they matter: the first 512 bytes or the last 512.
          for (const [position, value] of changes) {
            const index =
              position < 0.4
                ? Math.floor((position / 0.4) * Math.min(512, copy.length))
                : position < 0.6
                  ? copy.length - 1 - Math.floor(((position - 0.4) / 0.2) * Math.min(512, copy.length))
                  : Math.floor(((position - 0.6) / 0.4) * copy.length);
            copy[index] = value;
          }
          expectSane(await probeSafely(copy, asBlob));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('resolves sanely when a header size field is set to 0 or its maximum', async () => {
    // Zero and all-ones sizes are what make a box or chunk walk stop advancing or overflow.
    for (const { bytes } of fixtures) {
      for (let offset = 0; offset + 4 <= Math.min(bytes.length, 256); offset++) {
        for (const value of [0x00, 0xff]) {
          const copy = bytes.slice();
          copy.fill(value, offset, offset + 4);
          expectSane(await probeSafely(copy, false));
        }
      }
    }
  });
});
