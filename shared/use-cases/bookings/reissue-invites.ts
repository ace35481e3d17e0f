import type { ReissueEffect } from '../../domain/outbox/outbox-entry';
import { sessionMailEffects } from '../../domain/outbox/session-mail';
import type { Booking } from '../../domain/bookings/booking';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import type { BookingContext } from '../../data/booking-context';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import { stageEffects } from '../outbox/relay';
import { scopeOf, type SessionDeps } from './booking-deps';
import { calendarEntryFor } from './session-time';

/** How far ahead sessions get an updated invitation (the coach's feed reaches as far). */
const HORIZON_MINUTES = 400 * 1440;

/**
 * The practice's name or a program's name changed: every upcoming confirmed session of that org
 * (or program) gets an updated invitation, SEQUENCE+1, so calendars show the new details.
 * Runs as an outbox effect, so it happens although the request has long answered; each session is
 * its own transaction (booking, calendar entry, emails) marked with the change it carries out, so
 * a retried effect skips what it already did and nobody gets an update twice.
 */
export async function reissueInvites(deps: SessionDeps, effect: ReissueEffect): Promise<number> {
  const now = toEpochMinutes(deps.clock.now());
  // One Query either way: the program's bookings, or the org's sessions ahead (the byCollection index).
  const listed = effect.programId ? await deps.bookings.all(effect.orgId, effect.programId) : await deps.bookings.ofOrgBetween(effect.orgId, now + 1, now + HORIZON_MINUTES);
  // Each program's org and program are read once; a session is read again only when its write is refused.
  const programs = new Map<string, Promise<BookingContext>>();
  const programOf = (b: Booking) => {
    let ctx = programs.get(b.programId);
    if (!ctx) programs.set(b.programId, (ctx = deps.context({ orgId: b.orgId, programId: b.programId })));
    return ctx;
  };
  let updated = 0;
  for (const booking of listed) {
    if (booking.status !== 'confirmed' || booking.start <= now || booking.reissuedFor === effect.changeId) continue;
    if (await reissueOne(deps, effect, { ...(await programOf(booking)), booking })) updated++;
  }
  return updated;
}

async function reissueOne(deps: SessionDeps, effect: ReissueEffect, listed: BookingContext & { booking: Booking }): Promise<boolean> {
  const ref = { orgId: listed.booking.orgId, programId: listed.booking.programId, bookingId: listed.booking.bookingId };
  let ctx: BookingContext = listed;
  for (let attempt = 1; ; attempt++) {
    const scope = scopeOf(ctx);
    const booking = ctx.booking;
    if (!scope || !booking || booking.status !== 'confirmed' || booking.reissuedFor === effect.changeId) return false;
    const nowMs = deps.clock.now();
    const next: Booking = { ...booking, sequence: booking.sequence + 1, version: booking.version + 1, reissuedFor: effect.changeId, updatedAt: formatInstant(nowMs) };
    const tx = deps
      .transaction()
      .add(deps.bookings.replaceBookingItem(next, booking.version), 'booking')
      .add(deps.calendar.replaceSessionItem(booking.coachUserId, calendarEntryFor(next, scope.program, nowMs)), 'calendar');
    stageEffects(deps, tx, keys.programPartition(booking.orgId, booking.programId), sessionMailEffects(next, { kind: 'details_updated', what: effect.what, stampedAt: nowMs }));
    try {
      await tx.commit();
      return true;
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
    }
    if (attempt === 3) return false;
    // Refused: read it again with its org and program, as the session may have moved or been cancelled meanwhile.
    ctx = await deps.context(ref);
  }
}
