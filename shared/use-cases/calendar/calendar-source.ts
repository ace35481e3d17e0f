import type { Interval } from '../../domain/time/interval';

/** What the last successful fetch said about the feed's version, for a conditional GET. */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchedFeed = ({ kind: 'fresh'; text: string } & FeedValidators) | { kind: 'not-modified' };

export interface BusyTimeRequest {
  /** Only occurrences overlapping this span (epoch minutes) are kept, and counted against the budget. */
  horizon: Interval;
  /** Floating times and all-day dates are read in this zone: the coach's. */
  homeZone: string;
  /** Rapport's own invites in the coach's calendar: events with such a UID are not busy time. */
  isOwnEvent: (uid: string) => boolean;
}

export interface BusyTimeRead {
  /** Merged and sorted. */
  intervals: Interval[];
  /** Busy occurrences found inside the horizon. */
  eventsInHorizon: number;
}

/**
 * The coach's calendar server, as the sync sees it. Both calls are bounded (time, bytes, events,
 * work) and fail with 422 AppErrors: `calendar_unreachable`, `calendar_invalid`, `calendar_too_large`.
 */
export interface CalendarSource {
  /** Fetches the feed; with validators the server may answer that nothing changed. */
  fetch(url: string, validators?: FeedValidators): Promise<FetchedFeed>;
  /** The busy time of a fetched feed inside a horizon. */
  read(text: string, request: BusyTimeRequest): Promise<BusyTimeRead>;
}
