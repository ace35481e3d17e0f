import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { textReply } from '../../shared/http/reply';
import { feedPath } from '../../shared/http/schemas/calendar';
import { clock, coachCalendarRepository, orgsRepository } from '../../shared/runtime/deps';
import { sessionLinks } from '../../shared/runtime/session-deps';
import { bookingFeed } from '../../shared/use-cases/calendar/booking-feed';

export const handler = apiFunction('feeds', {
  'GET /feeds/{feedToken}': apiRoute({ public: true, path: feedPath }, async ({ path }) => {
    const ics = await bookingFeed({ orgs: orgsRepository(), calendar: coachCalendarRepository(), clock: clock(), links: sessionLinks() }, path.feedToken);
    return textReply(200, ics, 'text/calendar; charset=utf-8', { 'cache-control': 'private, max-age=300' });
  }),
});
