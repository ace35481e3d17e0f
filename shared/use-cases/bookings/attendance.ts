import type { Booking } from '../../domain/bookings/booking';
import type { Org } from '../../domain/orgs/org';
import { isJoinOpen, JOIN_OPENS_MINUTES_BEFORE, MANUAL_NO_SHOW_AFTER_MINUTES } from '../../domain/bookings/session-timing';
import { conflict, forbidden } from '../../domain/errors';
import { sessionMailEffects } from '../../domain/outbox/session-mail';
import { formatInstant, minutesToInstant, toEpochMinutes } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import { appLinks } from '../../emails/app-links';
import type { Caller } from '../../http/http-event';
import { countMissed } from '../analytics/count-sessions';
import { stageEffects } from '../outbox/relay';
import { loadBooking, requireConfirmed, type BookingScope, type SessionDeps, type ProgramRef, syncSessionSchedules } from './booking-deps';
import { bookingView } from './booking-view';
import { domainEvent } from '../../domain/events/domain-event';
import { bookingEventData } from '../../domain/events/event-data';

/**
 * Joining opens 15 minutes before the start and closes at the end. Each side's first join is
 * recorded: a client who never joins is marked a no-show 15 minutes in.
 */
export async function joinSession(deps: SessionDeps, caller: Caller, ref: ProgramRef, bookingId: string) {
  const { booking, ...scope } = await loadBooking(deps, caller, ref, bookingId);
  const nowMs = deps.clock.now();
  const now = toEpochMinutes(nowMs);
  requireConfirmed(booking);
  if (!isJoinOpen(booking, now)) {
    throw conflict(
      'join_not_open',
      now < booking.start ? `Joining opens ${JOIN_OPENS_MINUTES_BEFORE} minutes before the start, at ${minutesToInstant(booking.start - JOIN_OPENS_MINUTES_BEFORE)}.` : 'This session has ended.',
    );
  }
  await recordJoin(deps, booking, scope.role, nowMs);
  return {
    joinUrl: meetingUrlOf(deps, scope.org, booking),
    opensAt: minutesToInstant(booking.start - JOIN_OPENS_MINUTES_BEFORE),
    closesAt: minutesToInstant(booking.end),
  };
}

/** Where joining leads: the org's meeting room, or the app's own session room. */
export const meetingUrlOf = (deps: Pick<SessionDeps, 'links'>, org: Pick<Org, 'meetingUrl'>, booking: Pick<Booking, 'orgId' | 'programId' | 'bookingId'>) =>
  org.meetingUrl ?? `${appLinks.booking(deps.links.appUrl, booking.orgId, booking.programId, booking.bookingId)}/room`;

/**
 * Records a side's first join of an open, confirmed session — the one write that `POST …/join` and
 * the join link (`GET /j/{token}`) share, so both count alike for the no-show check.
 */
export async function recordJoin(deps: SessionDeps, booking: Booking, side: 'coach' | 'client', nowMs: number): Promise<void> {
  const alreadyJoined = side === 'coach' ? booking.coachJoinedAt : booking.clientJoinedAt;
  if (alreadyJoined) return;
  try {
    await deps.transaction().add(deps.bookings.joinedItem(booking, side, formatInstant(nowMs)), 'booking').commit();
  } catch (error) {
    if (!(error instanceof TransactionRefused)) throw error;
    // Joined a moment ago from another device, or the session changed: which one decides the answer.
    const fresh = (await deps.context({ orgId: booking.orgId, programId: booking.programId, bookingId: booking.bookingId })).booking;
    if (fresh?.status !== 'confirmed') throw conflict('booking_not_active', 'This session changed just now; look at it again.');
  }
}

/** The coach marks a missed session, from 10 minutes after the start. It counts as used. */
export async function markNoShow(deps: SessionDeps, caller: Caller, ref: ProgramRef, bookingId: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { booking, ...scope } = await loadBooking(deps, caller, ref, bookingId);
    if (scope.role !== 'coach') throw forbidden('Only the coach marks a session as missed.');
    const nowMs = deps.clock.now();
    requireConfirmed(booking);
    if (toEpochMinutes(nowMs) < booking.start + MANUAL_NO_SHOW_AFTER_MINUTES) {
      throw conflict('too_early', `A session can be marked as missed from ${MANUAL_NO_SHOW_AFTER_MINUTES} minutes after its start.`);
    }
    try {
      return bookingView(await recordNoShow(deps, scope, booking, 'coach', nowMs), toEpochMinutes(nowMs));
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
    }
  }
  throw conflict('concurrent_update', 'This session is being changed elsewhere; try again.');
}

/** Marks the booking a no-show (conditional on the version read), tells both sides, drops its schedules. */
export async function recordNoShow(deps: SessionDeps, scope: Pick<BookingScope, 'org' | 'program' | 'schedule'>, booking: Booking, by: 'coach' | 'automatic', nowMs: number) {
  const missed: Booking = { ...booking, status: 'no_show', noShowMarkedBy: by, version: booking.version + 1, updatedAt: formatInstant(nowMs) };
  const tx = deps.transaction().add(deps.bookings.replaceBookingItem(missed, booking.version), 'booking');
  countMissed(deps, tx, booking);
  stageEffects(deps, tx, keys.programPartition(booking.orgId, booking.programId), [
    ...sessionMailEffects(missed, { kind: 'no_show' }),
    // The automatic check runs from the last schedule: nothing is left to remove.
    ...(by === 'coach' ? [syncSessionSchedules(booking)] : []),
    domainEvent('booking.no_show', booking.orgId, bookingEventData(missed), nowMs),
  ]);
  await tx.commit();
  return missed;
}
