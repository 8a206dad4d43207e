import { describe, expect, it } from 'vitest';
import { AudioRingBuffer } from '../../../src/core/realtime/audio-ring-buffer.js';

const bytes = (from: number, length: number) =>
  Uint8Array.from({ length }, (_, index) => (from + index) % 256);
const joined = (views: Uint8Array[]) => Array.from(views.flatMap((view) => [...view]));

describe('AudioRingBuffer', () => {
  it('reads from any offset across chunk boundaries, as views of the chunks', () => {
    const ring = new AudioRingBuffer(1000);
    ring.append(bytes(0, 10));
    ring.append(bytes(10, 5));
    ring.append(bytes(15, 20));
    expect(ring.end).toBe(35);
    expect(joined(ring.read(8, 10))).toEqual([...bytes(8, 10)]);
    expect(ring.read(8, 10).map((view) => view.byteLength)).toEqual([2, 5, 3]);
    expect(joined(ring.read(30))).toEqual([...bytes(30, 5)]);
    expect(ring.read(35)).toEqual([]);
  });

  it('forgets audio before a settled point, and never reads before its start', () => {
    const ring = new AudioRingBuffer(1000);
    for (let index = 0; index < 200; index++) ring.append(bytes(index * 4, 4));
    ring.trimBefore(402);
    expect(ring.start).toBe(402);
    expect(ring.size).toBe(398);
    expect(joined(ring.read(0, 6))).toEqual([...bytes(402, 6)]);
    ring.trimBefore(100);
    expect(ring.start).toBe(402);
    ring.trimBefore(10_000);
    expect(ring.start).toBe(800);
    expect(ring.size).toBe(0);
    ring.append(bytes(800, 3));
    expect(joined(ring.read(800))).toEqual([...bytes(800, 3)]);
  });

  it('evicts the oldest audio past its capacity and counts it', () => {
    const ring = new AudioRingBuffer(10);
    ring.append(bytes(0, 6));
    ring.append(bytes(6, 6));
    expect(ring.start).toBe(2);
    expect(ring.evictedBytes).toBe(2);
    expect(joined(ring.read(0))).toEqual([...bytes(2, 10)]);
    ring.trimBefore(5);
    ring.append(bytes(12, 4));
    expect(ring.evictedBytes).toBe(3);
    expect(joined(ring.read(0))).toEqual([...bytes(6, 10)]);
  });
});
