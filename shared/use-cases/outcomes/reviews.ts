import { dayOf, reviewWritten } from '../../domain/analytics/stats-delta';
import { conflict, notFound } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import { emailEffects } from '../../domain/outbox/outbox-entry';
import { REVIEW_REQUEST_OPEN_DAYS, reviewRequestStatusAt, type Review, type ReviewRequest } from '../../domain/outcomes/review';
import { formatInstant } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { ReviewsRepository, ReviewScope } from '../../data/reviews-repository';
import type { StatsRepository } from '../../data/stats-repository';
import { TransactionRefused, type WriteTransaction } from '../../data/write-transaction';
import { brandingOf } from '../../emails/layout';
import { reviewRequestEmail } from '../../emails/outcome-emails';
import type { Caller } from '../../http/http-event';
import type { ReviewBody } from '../../http/schemas/outcomes';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import { requireClientRole, requireCoachRole, roleIn } from '../programs/access';
import { domainEvent } from '../../domain/events/domain-event';

export interface ReviewDeps extends StagingDeps {
  programs: Pick<ProgramsRepository, 'get'>;
  reviews: Pick<ReviewsRepository, 'scope' | 'ofProgram' | 'newRequestItem' | 'answerRequestItem' | 'putReviewItem'>;
  stats: Pick<StatsRepository, 'deltaItems'>;
  transaction: () => WriteTransaction;
  appUrl: string;
}

type Ref = { orgId: string; programId: string };

const DAY_MS = 24 * 3600_000;

export const reviewView = (review: Review) => ({
  clientUserId: review.clientUserId,
  rating: review.rating,
  body: review.body,
  createdAt: review.createdAt,
  updatedAt: review.updatedAt,
});

export const reviewRequestView = (request: ReviewRequest, nowMs: number) => ({
  requestId: request.requestId,
  status: reviewRequestStatusAt(request, nowMs),
  requestedAt: request.requestedAt,
  expiresAt: request.expiresAt,
  answeredAt: request.answeredAt,
});

function requireMember(scope: ReviewScope, caller: Caller) {
  const role = scope.program ? roleIn(scope.program, caller) : null;
  if (!scope.org || !scope.program || !role) throw notFound();
  return { org: scope.org, program: scope.program, role };
}

const requestOpen = () => conflict('review_request_open', 'A review request is already waiting for the client; it stays open until they answer or for 30 days.');

/** The coach asks the client for a review, by email with a link; one open request at a time. */
export async function requestReview(deps: ReviewDeps, caller: Caller, ref: Ref) {
  const scope = await deps.reviews.scope(ref.orgId, ref.programId, caller.userId);
  const { org, program, role } = requireMember(scope, caller);
  requireCoachRole(role);
  if (!program.client) throw conflict('no_client', 'This program has no client yet; invite them first.');
  if (program.status !== 'published') throw conflict('program_not_published', 'Publish the program first: until then your client cannot open it to write a review.');
  const nowMs = deps.clock.now();
  if (scope.request && reviewRequestStatusAt(scope.request, nowMs) === 'open') throw requestOpen();

  const request: ReviewRequest = {
    requestId: sortableId(nowMs),
    requestedAt: formatInstant(nowMs),
    expiresAt: formatInstant(nowMs + REVIEW_REQUEST_OPEN_DAYS * DAY_MS),
    answeredAt: null,
  };
  const tx = deps.transaction().add(deps.reviews.newRequestItem(ref.orgId, ref.programId, request), 'request');
  stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), emailEffects([
    reviewRequestEmail({ ...ref, practice: brandingOf(org), to: program.client.email, coachEmail: org.coachEmail, orgName: org.name, programName: program.name, expiresOn: request.expiresAt.slice(0, 10), appUrl: deps.appUrl }),
  ]));
  try {
    await tx.commit();
  } catch (error) {
    if (error instanceof TransactionRefused && error.failed.includes('request')) throw requestOpen();
    throw error;
  }
  return reviewRequestView(request, nowMs);
}

/** The program's reviews (its client's, if written) and the latest request: for the coach and the client. */
export async function listReviews(deps: Pick<ReviewDeps, 'programs' | 'reviews' | 'clock'>, caller: Caller, ref: Ref) {
  const [program, found] = await Promise.all([deps.programs.get(ref.orgId, ref.programId), deps.reviews.ofProgram(ref.orgId, ref.programId)]);
  if (!program || !roleIn(program, caller)) throw notFound();
  return {
    items: found.reviews.map(reviewView),
    nextCursor: null,
    request: found.request ? reviewRequestView(found.request, deps.clock.now()) : null,
  };
}

/**
 * The client writes their review (`created`) or changes it. An open request is answered by it, and
 * the org's analytics take the rating, all in one transaction.
 */
export async function writeReview(deps: ReviewDeps, caller: Caller, ref: Ref, input: ReviewBody) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const scope = await deps.reviews.scope(ref.orgId, ref.programId, caller.userId);
    const { org, role } = requireMember(scope, caller);
    requireClientRole(role);
    const nowMs = deps.clock.now();
    const now = formatInstant(nowMs);
    const earlier = scope.review;
    const review: Review = earlier
      ? { ...earlier, rating: input.rating, body: input.body || null, updatedAt: now, version: earlier.version + 1 }
      : { clientUserId: caller.userId, rating: input.rating, body: input.body || null, createdAt: now, updatedAt: now, statsDay: dayOf(nowMs, org.timeZone), version: 1 };
    const tx = deps.transaction().add(deps.reviews.putReviewItem(ref.orgId, ref.programId, review), 'review');
    if (scope.request && reviewRequestStatusAt(scope.request, nowMs) === 'open') tx.add(deps.reviews.answerRequestItem(ref.orgId, ref.programId, scope.request, now), 'request');
    for (const item of deps.stats.deltaItems(ref.orgId, ref.programId, reviewWritten(earlier, review))) tx.add(item, 'stats');
    if (!earlier) {
      stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), [
        domainEvent('review.created', ref.orgId, { programId: ref.programId, clientUserId: caller.userId, rating: review.rating, createdAt: review.createdAt }, nowMs),
      ]);
    }
    try {
      await tx.commit();
      return { created: !earlier, review: reviewView(review) };
    } catch (error) {
      // Written or answered from elsewhere between our read and write: decide again on a fresh read.
      if (!(error instanceof TransactionRefused)) throw error;
    }
  }
  throw conflict('concurrent_update', 'This review is being changed elsewhere; try again.');
}
