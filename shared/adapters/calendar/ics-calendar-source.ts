import type { BusyTimeRequest, CalendarSource, FeedValidators } from '../../use-cases/calendar/calendar-source';
import type { FetchPolicy } from './address-policy';
import { readBusyTime } from './busy-time-reader';
import { fetchIcs } from './ics-fetcher';

/** Coaches' iCalendar feeds over HTTP(S), fetched under the address policy and read within the feed budget. */
export class IcsCalendarSource implements CalendarSource {
  constructor(private readonly policy: FetchPolicy) {}

  fetch(url: string, validators?: FeedValidators) {
    return fetchIcs(url, this.policy, { validators });
  }

  read(text: string, request: BusyTimeRequest) {
    return readBusyTime(text, request);
  }
}
