import type { Clock } from '../shared/runtime/clock';

/**
 * The local stack's movable clock. Running, it ticks with real time from wherever it was last
 * moved; frozen (for tests), it stands still until moved. It only ever moves forward.
 */
export class LocalClock implements Clock {
  private offsetMs = 0;
  private fixedMs: number | null;

  constructor(options: { startAt?: number; frozen?: boolean } = {}) {
    const start = options.startAt ?? Date.now();
    this.fixedMs = options.frozen ? start : null;
    if (!options.frozen) this.offsetMs = start - Date.now();
  }

  now(): number {
    return this.fixedMs ?? Date.now() + this.offsetMs;
  }

  get frozen(): boolean {
    return this.fixedMs !== null;
  }

  /** Moves the clock to `epochMs`; moving backwards is refused (time locks and reminders assume it). */
  moveTo(epochMs: number): void {
    if (epochMs < this.now()) throw new RangeError('The local clock only moves forward.');
    if (this.fixedMs !== null) this.fixedMs = epochMs;
    else this.offsetMs = epochMs - Date.now();
  }
}
