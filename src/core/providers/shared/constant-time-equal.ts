const encoder = new TextEncoder();

/**
Compares two secrets without an early exit, so the time taken does not reveal how many leading
characters matched. The length difference is folded into the result rather than returned early.
*/
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let index = 0; index < length; index++) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
