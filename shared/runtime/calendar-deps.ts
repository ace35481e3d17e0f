import { fetchPolicyFromEnv } from '../adapters/calendar/address-policy';
import { CachedCalendarFeeds } from '../adapters/calendar/calendar-feeds';
import { clock } from './deps';

/** The composition root, calendar side: feeds are cached for the life of the container. */
let feeds: CachedCalendarFeeds | undefined;

export const calendarFeeds = () => (feeds ??= new CachedCalendarFeeds(fetchPolicyFromEnv(), clock()));
