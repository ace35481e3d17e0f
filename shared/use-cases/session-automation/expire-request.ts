import type { ExpiryPayload } from '../../domain/bookings/session-schedules';
import { toEpochMinutes } from '../../domain/time/instant';
import { scopeOf, type SessionDeps } from '../bookings/booking-deps';
import { closeRequest } from '../bookings/reschedule';
import { decideAgainOnRefusal, type AutomationOutcome } from './automation-outcome';

/**
 * An unanswered reschedule request lapses: the held time is released, the session stays, and the
 * client is told. A request already decided, or a delivery before its time, does nothing.
 */
export async function expireRequest(deps: SessionDeps, payload: ExpiryPayload): Promise<AutomationOutcome> {
  const ref = { orgId: payload.orgId, programId: payload.programId };
  return decideAgainOnRefusal(async () => {
    const ctx = await deps.context({ ...ref, requestId: payload.requestId });
    const request = ctx.request;
    const scope = scopeOf(ctx);
    if (!request || !scope || request.expiresAt !== payload.expiresAt) return 'stale';
    if (request.status !== 'pending') return 'already_done';
    const nowMs = deps.clock.now();
    if (toEpochMinutes(nowMs) < request.expiresAt) return 'stale';
    const booking = (await deps.context({ ...ref, bookingId: request.bookingId })).booking;
    if (!booking) return 'stale';
    await (await closeRequest(deps, scope, request, booking, 'expired', null, nowMs)).commit();
    return 'done';
  });
}
