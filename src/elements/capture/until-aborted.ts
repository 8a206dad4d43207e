/**
Waits for `promise`, or rejects with the signal's reason as soon as it aborts; a value that arrives
after the abort is handed to `release`, so nothing (an open microphone, say) is left behind.

@internal
*/
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  release: (value: T) => void,
): Promise<T> {
  if (signal.aborted) {
    promise.then(release, () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.then(release, () => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
