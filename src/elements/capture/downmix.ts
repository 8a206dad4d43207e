/**
Mixes the first `length` samples of every channel into one mono channel by averaging them, and
writes silence when there are no channels (an `AudioWorklet` input with nothing connected).

Self-contained, because its source text also runs inside the capture `AudioWorklet`.

@example
```ts
import { downmixToMono } from 'scribekit/elements';

const mono = new Float32Array(128);
downmixToMono([left, right], mono, 128);
```
*/
export function downmixToMono(
  channels: readonly ArrayLike<number>[],
  output: Float32Array,
  length: number,
): void {
  const count = channels.length;
  if (count === 0) {
    output.fill(0, 0, length);
    return;
  }
  const first = channels[0] as ArrayLike<number>;
  if (count === 1) {
    for (let index = 0; index < length; index++) output[index] = first[index] ?? 0;
    return;
  }
  const scale = 1 / count;
  for (let index = 0; index < length; index++) {
    let sum = 0;
    for (let channel = 0; channel < count; channel++)
      sum += (channels[channel] as ArrayLike<number>)[index] ?? 0;
    output[index] = sum * scale;
  }
}
