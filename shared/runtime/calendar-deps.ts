import { fetchPolicyFromEnv } from '../adapters/calendar/address-policy';
import { IcsCalendarSource } from '../adapters/calendar/ics-calendar-source';
import { CalendarSyncRepository } from '../data/calendar-sync-repository';
import type { CalendarSyncDeps } from '../use-cases/calendar/sync-busy-time';
import { clock, coachCalendarRepository, table } from './deps';

/**
 * The composition root for reading coaches' calendars: only the calendar function (connect) and
 * the background refresh carry the fetcher and the iCalendar parser; the request path reads stored
 * busy time.
 */
export const calendarSyncDeps = (): CalendarSyncDeps => ({
  sync: new CalendarSyncRepository(table()),
  sessions: coachCalendarRepository(),
  source: new IcsCalendarSource(fetchPolicyFromEnv()),
  clock: clock(),
});
