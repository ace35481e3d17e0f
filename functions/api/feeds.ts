import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { entityTag, noneMatchHits } from '../../shared/http/entity-tag';
import { notModified, textReply } from '../../shared/http/reply';
import { feedPath } from '../../shared/http/schemas/calendar';
import { clock, coachCalendarRepository, orgsRepository, rateLimitsRepository } from '../../shared/runtime/deps';
import { sessionLinks } from '../../shared/runtime/session-deps';
import { bookingFeed } from '../../shared/use-cases/calendar/booking-feed';

export const handler = apiFunction('feeds', {
  'GET /feeds/{feedToken}': apiRoute({ public: true, path: feedPath }, async ({ path, headers }) => {
    const ics = await bookingFeed({ orgs: orgsRepository(), calendar: coachCalendarRepository(), rateLimits: rateLimitsRepository(), clock: clock(), links: sessionLinks() }, path.feedToken);
    // A calendar app that sends back the tag it has gets 304 and no body while nothing changed.
    const etag = entityTag(ics);
    const caching = { etag, 'cache-control': 'private, max-age=300' };
    if (noneMatchHits(headers['if-none-match'], etag)) return notModified(caching);
    return textReply(200, ics, 'text/calendar; charset=utf-8', caching);
  }),
});
