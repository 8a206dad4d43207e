/** A sine of `frequency` Hz sampled at `sampleRate`, `seconds` long. */
export function sine(
  frequency: number,
  sampleRate: number,
  seconds: number,
  amplitude = 0.5,
  phase = 0,
): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let index = 0; index < samples.length; index++) {
    samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate + phase);
  }
  return samples;
}

/** A deterministic pseudo-random generator (mulberry32), for block sizes and noise. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
Fits `a·sin + b·cos + c` at `frequency` to `samples` by least squares and returns the fitted
amplitude and the signal-to-noise ratio in dB (fitted sine power over residual power).
*/
export function fitSine(
  samples: ArrayLike<number>,
  frequency: number,
  sampleRate: number,
): { amplitude: number; snrInDb: number } {
  const n = samples.length;
  // Normal equations of the 3-parameter fit, solved by Cramer's rule.
  let ss = 0,
    sc = 0,
    s1 = 0,
    cc = 0,
    c1 = 0,
    ys = 0,
    yc = 0,
    y1 = 0;
  for (let index = 0; index < n; index++) {
    const angle = (2 * Math.PI * frequency * index) / sampleRate;
    const s = Math.sin(angle);
    const c = Math.cos(angle);
    const y = samples[index] as number;
    ss += s * s;
    sc += s * c;
    s1 += s;
    cc += c * c;
    c1 += c;
    ys += y * s;
    yc += y * c;
    y1 += y;
  }
  const [a, b, offset] = solve3([ss, sc, s1, sc, cc, c1, s1, c1, n], [ys, yc, y1]);
  let residual = 0;
  for (let index = 0; index < n; index++) {
    const angle = (2 * Math.PI * frequency * index) / sampleRate;
    const error = (samples[index] as number) - (a * Math.sin(angle) + b * Math.cos(angle) + offset);
    residual += error * error;
  }
  const amplitude = Math.hypot(a, b);
  const signalPower = (amplitude * amplitude) / 2;
  return { amplitude, snrInDb: 10 * Math.log10(signalPower / (residual / n)) };
}

/** Root mean square of `samples`. */
export function rms(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < samples.length; index++) sum += (samples[index] as number) ** 2;
  return Math.sqrt(sum / samples.length);
}

// Solves the 3×3 system `matrix · x = rhs` (row-major) by Cramer's rule.
function solve3(matrix: readonly number[], rhs: readonly number[]): [number, number, number] {
  const det = (m: readonly number[]): number => {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0] = m;
    return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  };
  const whole = det(matrix);
  const column = (k: number): number =>
    det(matrix.map((value, index) => (index % 3 === k ? (rhs[Math.floor(index / 3)] ?? 0) : value))) / whole;
  return [column(0), column(1), column(2)];
}
