/**
 * How often one subject (an address, an email, a user) may do one thing: at most `limit` uses per
 * fixed window of `windowSeconds`, windows aligned to the epoch (a day is a UTC day). Fixed windows
 * cost one conditional counter write per use; the price is that a burst may straddle two windows.
 */
export interface RateLimit {
  /** Names the counter, e.g. `intro_call_write_ip`; part of its key, so keep it stable. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** One window of a limit, in epoch seconds. */
export interface RateWindow {
  start: number;
  resetsAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function windowAt(limit: RateLimit, nowMs: number): RateWindow {
  const now = Math.floor(nowMs / 1000);
  const start = now - (now % limit.windowSeconds);
  return { start, resetsAt: start + limit.windowSeconds };
}

/** Whole seconds until the window resets: at least 1, as `Retry-After` wants. */
export const retryAfterSeconds = (window: RateWindow, nowMs: number): number => Math.max(1, window.resetsAt - Math.floor(nowMs / 1000));

