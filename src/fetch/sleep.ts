/** The longest delay setTimeout honours; Node turns a longer one into 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. A delay past
 * {@link MAX_TIMER_MS} (a huge `Retry-After`) is waited out in steps instead of firing at once.
 *
 * @example
 * await sleep(100, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const until = performance.now() + ms;
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const arm = (left: number) => {
      timer = setTimeout(
        () => {
          const rest = until - performance.now();
          if (rest > 1) return arm(rest);
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.min(left, MAX_TIMER_MS),
      );
    };
    arm(ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
