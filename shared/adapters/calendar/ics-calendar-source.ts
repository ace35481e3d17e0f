import type { BusyTimeRequest, CalendarSource, FeedValidators } from '../../use-cases/calendar/calendar-source';
import type { FetchPolicy } from './address-policy';
import { fetchIcs } from './ics-fetcher';

/** Coaches' iCalendar feeds over HTTP(S), fetched under the address policy and read within the feed budget. */
export class IcsCalendarSource implements CalendarSource {
  constructor(private readonly policy: FetchPolicy) {}

  fetch(url: string, validators?: FeedValidators) {
    return fetchIcs(url, this.policy, { validators });
  }

  /**
   * The iCalendar parser is loaded on the first feed read, not with the function: the calendar
   * function's disconnect route and most minutes of the refresh (no feed due) never read one.
   */
  async read(text: string, request: BusyTimeRequest) {
    const { readBusyTime } = await import('./busy-time-reader');
    return readBusyTime(text, request);
  }
}
