import * as z from 'zod';
import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { textReply } from '../../shared/http/reply';
import { clock, coachCalendarRepository, orgsRepository } from '../../shared/runtime/deps';
import { sessionLinks } from '../../shared/runtime/session-deps';
import { bookingFeed } from '../../shared/use-cases/calendar/booking-feed';

const feedPath = z.object({ feedToken: z.string().min(10).max(200) });

export const handler = apiFunction('feeds', {
  'GET /feeds/{feedToken}': apiRoute({ public: true, path: feedPath }, async ({ path }) => {
    const ics = await bookingFeed({ orgs: orgsRepository(), calendar: coachCalendarRepository(), clock: clock(), links: sessionLinks() }, path.feedToken);
    return textReply(200, ics, 'text/calendar; charset=utf-8', { 'cache-control': 'private, max-age=300' });
  }),
});
