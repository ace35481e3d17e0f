import type { Interval } from '../../domain/time/interval';
import type { Clock } from '../../runtime/clock';
import { log } from '../../runtime/log';
import type { FetchPolicy } from './address-policy';
import { fetchIcs } from './ics-fetcher';
import { busyIntervals, parseCalendar, type ParsedCalendar } from './ics-calendar';

/** The coach's connected calendar, as the use cases see it. */
export interface CalendarFeeds {
  /** Fetches and parses the feed right now; throws 422 `calendar_unreachable` or `calendar_invalid`. */
  check(url: string): Promise<void>;
  /** Busy time in [from, to) epoch minutes, from a copy at most a few minutes old. */
  busy(url: string, from: number, to: number, homeZone: string): Promise<Interval[]>;
}

const FRESH_MS = 5 * 60_000;
/** When the feed cannot be fetched, an older copy is still better than ignoring the calendar. */
const STALE_MS = 24 * 60 * 60_000;
const MAX_FEEDS = 200;

/**
 * Feeds cached per Lambda container for five minutes: calendar apps publish changes with delays of
 * their own, and availability pages must not wait on a coach's calendar server for every request.
 */
export class CachedCalendarFeeds implements CalendarFeeds {
  private readonly cache = new Map<string, { fetchedAt: number; calendar: ParsedCalendar }>();

  constructor(
    private readonly policy: FetchPolicy,
    private readonly clock: Clock,
    private readonly fetch: (url: string, policy: FetchPolicy) => Promise<string> = fetchIcs,
  ) {}

  async check(url: string): Promise<void> {
    await this.refresh(url);
  }

  async busy(url: string, from: number, to: number, homeZone: string): Promise<Interval[]> {
    const cached = this.cache.get(url);
    let calendar = cached?.calendar;
    if (!cached || this.clock.now() - cached.fetchedAt > FRESH_MS) {
      try {
        calendar = await this.refresh(url);
      } catch (error) {
        if (!cached || this.clock.now() - cached.fetchedAt > STALE_MS) throw error;
        log.warn('Calendar feed unreachable; using the last copy', { error: error as Error });
      }
    }
    return calendar ? busyIntervals(calendar, from, to, homeZone) : [];
  }

  private async refresh(url: string): Promise<ParsedCalendar> {
    const calendar = parseCalendar(await this.fetch(url, this.policy));
    this.cache.delete(url);
    this.cache.set(url, { fetchedAt: this.clock.now(), calendar });
    if (this.cache.size > MAX_FEEDS) this.cache.delete(this.cache.keys().next().value as string);
    return calendar;
  }
}
