/** The time source of every use case. Deployed it is the system clock; the local stack moves its own. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

let current: Clock = systemClock;

export const clock = (): Clock => current;

/** Only the local stack calls this, to make every handler in its process read the movable clock. */
export function useClock(replacement: Clock): void {
  current = replacement;
}
