/**
 * Per-host politeness: at most N requests in flight to one host and a minimum gap between the
 * starts of two requests to it. One gate per crawl (no state shared between crawls).
 */
export class HostGate {
  readonly #perHost: number;
  readonly #hosts = new Map<string, { active: number; nextStart: number; waiters: Array<() => void>; delayMs: number }>();
  readonly #defaultDelayMs: number;

  constructor(options: { perHostConcurrency: number; hostDelayMs: number }) {
    this.#perHost = options.perHostConcurrency;
    this.#defaultDelayMs = options.hostDelayMs;
  }

  /** Raises a host's delay (robots.txt Crawl-delay); never lowers it below the configured one. */
  setDelay(host: string, delayMs: number): void {
    const state = this.#state(host);
    state.delayMs = Math.max(this.#defaultDelayMs, delayMs);
  }

  /** Runs `task` when the host has a free slot and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.#state(host);
    while (state.active >= this.#perHost) {
      await new Promise<void>((resolve) => state.waiters.push(resolve));
    }
    state.active += 1;
    try {
      const now = Date.now();
      const start = Math.max(now, state.nextStart);
      state.nextStart = start + state.delayMs;
      if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
      return await task();
    } finally {
      state.active -= 1;
      state.waiters.shift()?.();
    }
  }

  #state(host: string) {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, nextStart: 0, waiters: [], delayMs: this.#defaultDelayMs };
      this.#hosts.set(host, state);
    }
    return state;
  }
}
