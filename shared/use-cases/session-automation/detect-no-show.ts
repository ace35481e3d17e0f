import type { NoShowPayload } from '../../domain/bookings/session-schedules';
import { AUTOMATIC_NO_SHOW_AFTER_MINUTES } from '../../domain/bookings/session-timing';
import { toEpochMinutes } from '../../domain/time/instant';
import { scopeOf, type SessionDeps } from '../bookings/booking-deps';
import { recordNoShow } from '../bookings/attendance';
import { decideAgainOnRefusal, type AutomationOutcome } from './automation-outcome';

/**
 * Fifteen minutes into a session: if the client never joined, it becomes a no-show. Stale or
 * repeated deliveries, sessions already settled, and clients who did join change nothing.
 */
export async function detectNoShow(deps: SessionDeps, payload: NoShowPayload): Promise<AutomationOutcome> {
  return decideAgainOnRefusal(async () => {
    const ctx = await deps.context({ orgId: payload.orgId, programId: payload.programId, bookingId: payload.bookingId });
    const booking = ctx.booking;
    const scope = scopeOf(ctx);
    if (!booking || !scope || booking.start !== payload.start) return 'stale';
    if (booking.status !== 'confirmed' || booking.clientJoinedAt) return 'already_done';
    const nowMs = deps.clock.now();
    if (toEpochMinutes(nowMs) < booking.start + AUTOMATIC_NO_SHOW_AFTER_MINUTES) return 'stale';
    await recordNoShow(deps, scope, booking, 'automatic', nowMs);
    return 'done';
  });
}

