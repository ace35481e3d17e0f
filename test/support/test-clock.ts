import type { Clock } from '../../shared/runtime/clock';

/** A clock that stands still until a test moves it. */
export class TestClock implements Clock {
  constructor(private ms: number) {}
  static at(iso: string): TestClock {
    return new TestClock(Date.parse(iso));
  }
  now(): number {
    return this.ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}
