import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { programPath } from '../../shared/http/schemas/paths';
import { reply } from '../../shared/http/reply';
import { reviewBody } from '../../shared/http/schemas/outcomes';
import { config } from '../../shared/runtime/config';
import { clock, outboxRepository, programsRepository, reviewsRepository, statsRepository, transaction } from '../../shared/runtime/deps';
import { listReviews, requestReview, writeReview } from '../../shared/use-cases/outcomes/reviews';

const deps = () => ({
  programs: programsRepository(),
  reviews: reviewsRepository(),
  stats: statsRepository(),
  outbox: outboxRepository(),
  transaction,
  clock: clock(),
  appUrl: config.appUrl(),
});

export const handler = apiFunction('reviews', {
  'POST /orgs/{orgId}/programs/{programId}/review-requests': apiRoute({ path: programPath, status: 201 }, ({ caller, path }) => requestReview(deps(), caller, path)),
  'GET /orgs/{orgId}/programs/{programId}/reviews': apiRoute({ path: programPath }, ({ caller, path }) => listReviews(deps(), caller, path)),
  'POST /orgs/{orgId}/programs/{programId}/reviews': apiRoute({ path: programPath, body: reviewBody }, async ({ caller, path, body }) => {
    const { created, review } = await writeReview(deps(), caller, path, body);
    return reply(created ? 201 : 200, review);
  }),
});
