import type { Booking } from '../../domain/bookings/booking';
import { requestExpiresAt, requestStatusAt, rescheduleMode, type RescheduleRequest } from '../../domain/bookings/reschedule-policy';
import { expiryScheduleName, type ExpiryPayload } from '../../domain/bookings/session-schedules';
import { conflict, forbidden, notFound } from '../../domain/errors';
import { sortableId } from '../../domain/ids';
import { type OutboxEffect } from '../../domain/outbox/outbox-entry';
import { freezeRequest, sessionMailEffects } from '../../domain/outbox/session-mail';
import { findPackage } from '../../domain/programs/packages';
import { formatInstant, minutesToInstant, toEpochMinutes } from '../../domain/time/instant';
import type { BookingContext } from '../../data/booking-context';
import { keys } from '../../data/keys';
import { conflictBackoff } from '../../data/retry-on-conflict';
import { TransactionRefused, type WriteTransaction } from '../../data/write-transaction';
import type { Caller } from '../../http/http-event';
import { stageEffects } from '../outbox/relay';
import { loadBooking, requireConfirmed, requireScope, type BookingDeps, type BookingScope, type ProgramRef, type SessionDeps, syncSessionSchedules } from './booking-deps';
import { bookingView } from './booking-view';
import { addMove, addReleaseHold, blocksToHold } from './move-booking';
import { busyAround, countedWeek, requireOfferedTime, slotUnavailable, weeklyLimitReached, type SessionTime } from './session-time';
import { domainEvent } from '../../domain/events/domain-event';
import { bookingEventData, rescheduleRequestEventData } from '../../domain/events/event-data';

export type RescheduleDeps = BookingDeps;

const requestExpired = () => conflict('request_expired', 'This request has expired; the session stays at its original time.');

export const requestView = (request: RescheduleRequest, now: number) => ({
  requestId: request.requestId,
  bookingId: request.bookingId,
  status: requestStatusAt(request, now),
  currentStart: minutesToInstant(request.currentStart),
  proposedStart: minutesToInstant(request.proposedStart),
  proposedEnd: minutesToInstant(request.proposedEnd),
  reason: request.reason,
  createdAt: request.createdAt,
  expiresAt: minutesToInstant(request.expiresAt),
  decidedAt: request.decidedAt,
  decisionReason: request.decisionReason,
});

/**
 * Moves a session, under the reschedule policy: the coach at once, any time; the client at once
 * more than 48 hours ahead, by request 24–48 hours ahead (the new time held meanwhile), and not
 * under 24 hours. A move re-checks the new time against the schedule and the coach's calendar, and
 * its locks decide any race, as for a booking.
 */
export async function rescheduleBooking(deps: RescheduleDeps, caller: Caller, ref: ProgramRef, bookingId: string, input: { start: number; reason?: string }) {
  if (input.start % 60_000 !== 0) throw slotUnavailable();
  const newStart = toEpochMinutes(input.start);
  for (let attempt = 0; attempt < 4; attempt++) {
    const { booking, busy, ...scope } = await loadBooking(deps, caller, ref, bookingId, busyAround(newStart));
    const nowMs = deps.clock.now();
    const now = toEpochMinutes(nowMs);
    requireConfirmed(booking);
    if (now >= booking.start) throw conflict('session_started', 'This session has already started; it can no longer be moved.');

    const mode = rescheduleMode(scope.role, booking.start, now);
    if (mode === 'closed') throw conflict('reschedule_window_closed', 'Sessions less than 24 hours away can no longer be moved. Send your coach a message instead.');
    if (mode === 'request' && booking.pendingRequestId) throw conflict('reschedule_pending', 'A request to move this session is already waiting for the coach.');
    if (newStart === booking.start) return bookingView(booking, now);

    const to = requireOfferedTime(busy, scope, findPackage(scope.program, booking.packageId), newStart, booking.end - booking.start, nowMs);
    const pending = booking.pendingRequestId ? await pendingRequest(deps, ref, booking.pendingRequestId) : null;
    const tx = deps.transaction();
    try {
      if (mode === 'request') {
        const request = await addRequest(deps, tx, scope, booking, to, input.reason ?? null, nowMs);
        await tx.commit();
        return { requestId: request.requestId, status: 'pending' as const, proposedStart: minutesToInstant(request.proposedStart), expiresAt: minutesToInstant(request.expiresAt) };
      }
      const effects: OutboxEffect[] = [];
      if (pending) {
        // The session moves another way: the waiting request is withdrawn with it (its hold too).
        tx.add(deps.requests.settleItem(pending, 'withdrawn', formatInstant(nowMs), 'The session was moved.'), 'request');
        effects.push({ type: 'unschedule', name: expiryScheduleName(pending.requestId) });
      }
      const moved = addMove(deps, tx, scope, booking, to, nowMs, pending ?? undefined);
      effects.push(
        ...sessionMailEffects(moved, { kind: 'rescheduled', change: { by: scope.role, previousStart: booking.start, previousEnd: booking.end, reason: input.reason ?? null, viaRequest: false }, stampedAt: nowMs }),
        syncSessionSchedules(moved),
        domainEvent('booking.rescheduled', moved.orgId, movedEventData(moved, booking, scope.role, false), nowMs),
      );
      stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), effects);
      await tx.commit();
      return bookingView(moved, now);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      // The session or request changed between our read and our write (its version, or its own blocks
      // no longer ours), or DynamoDB reported contention: decide again on fresh reads. Only a refusal
      // on a fresh read says the new time or week is really taken.
      const stale = error.conflict || ['booking', 'release', 'request', 'hold', 'calendar'].some((tag) => error.failed.includes(tag));
      if (!stale && error.failed.includes('week')) throw weeklyLimitReached(findPackage(scope.program, booking.packageId)?.perWeek ?? 1);
      if (!stale && error.failed.includes('lock')) throw slotUnavailable();
      if (error.conflict) await conflictBackoff(attempt);
    }
  }
  throw conflict('concurrent_update', 'This session is being changed elsewhere; try again.');
}

async function pendingRequest(deps: BookingDeps, ref: ProgramRef, requestId: string): Promise<RescheduleRequest | null> {
  const { request } = await deps.context({ ...ref, requestId });
  return request?.status === 'pending' ? request : null;
}

/** A request holds the proposed time with locks, like a booking, until the coach decides or it expires. */
async function addRequest(deps: RescheduleDeps, tx: WriteTransaction, scope: BookingScope, booking: Booking, to: SessionTime, reason: string | null, nowMs: number): Promise<RescheduleRequest> {
  const now = toEpochMinutes(nowMs);
  const request: RescheduleRequest = {
    requestId: sortableId(nowMs),
    orgId: booking.orgId,
    programId: booking.programId,
    bookingId: booking.bookingId,
    coachUserId: booking.coachUserId,
    currentStart: booking.start,
    proposedStart: to.start,
    proposedEnd: to.end,
    proposedBlockedUntil: to.blockedUntil,
    heldBlocks: blocksToHold(booking, to),
    reason,
    status: 'pending',
    createdAt: formatInstant(nowMs),
    expiresAt: requestExpiresAt(booking.start, now),
    decidedAt: null,
    decisionReason: null,
  };
  tx.add(deps.requests.newRequestItem(request), 'request')
    .add(deps.bookings.replaceBookingItem({ ...booking, pendingRequestId: request.requestId, version: booking.version + 1, updatedAt: request.createdAt }, booking.version), 'booking')
    .add(
      deps.calendar.sessionItem(booking.coachUserId, {
        id: request.requestId,
        kind: 'hold',
        orgId: booking.orgId,
        programId: booking.programId,
        start: to.start,
        end: to.end,
        blockedUntil: to.blockedUntil,
        sequence: 0,
        summary: 'Held for a reschedule request',
        changedAt: nowMs,
      }),
      'calendar',
    );
  for (const item of deps.calendar.lockItems(booking.coachUserId, request.heldBlocks, request.requestId, to.blockedUntil)) tx.add(item, 'lock');
  const perWeek = findPackage(scope.program, booking.packageId)?.perWeek;
  if (to.weekKey && to.weekKey !== booking.weekKey && perWeek !== undefined) tx.add(deps.bookings.weekHasRoomItem(booking, to.weekKey, perWeek), 'week');
  const expiry: ExpiryPayload = { kind: 'reschedule_expiry', orgId: booking.orgId, programId: booking.programId, requestId: request.requestId, expiresAt: request.expiresAt };
  stageEffects(deps, tx, keys.programPartition(booking.orgId, booking.programId), [
    ...sessionMailEffects(booking, { kind: 'reschedule_requested', request: freezeRequest(request) }),
    { type: 'schedule', schedule: { name: expiryScheduleName(request.requestId), at: request.expiresAt, target: 'rescheduleExpiry', payload: { ...expiry } } },
    domainEvent('reschedule_request.created', request.orgId, rescheduleRequestEventData(request), nowMs),
  ]);
  return request;
}

/** The coach's view of the requests of a program (newest first). */
export async function listRescheduleRequests(deps: SessionDeps, caller: Caller, ref: ProgramRef, status?: RescheduleRequest['status']) {
  const scope = requireScope(await deps.context(ref), caller);
  if (scope.role !== 'coach') throw forbidden('Only the coach decides on reschedule requests.');
  const now = toEpochMinutes(deps.clock.now());
  const views = (await deps.requests.list(ref.orgId, ref.programId)).map((r) => requestView(r, now));
  return { items: status ? views.filter((v) => v.status === status) : views, nextCursor: null };
}

/** The request and its session, for a decision; refuses what can no longer be decided. */
async function decidable(deps: SessionDeps, caller: Caller, ref: ProgramRef, requestId: string) {
  const ctx: BookingContext = await deps.context({ ...ref, requestId });
  const scope = requireScope(ctx, caller);
  if (scope.role !== 'coach') throw forbidden('Only the coach decides on reschedule requests.');
  const request = ctx.request;
  if (!request) throw notFound();
  const nowMs = deps.clock.now();
  const status = requestStatusAt(request, toEpochMinutes(nowMs));
  if (status === 'expired') throw requestExpired();
  if (status !== 'pending') throw conflict('request_not_pending', `This request was already ${status}.`);
  const booking = (await deps.context({ ...ref, bookingId: request.bookingId })).booking;
  if (!booking || booking.pendingRequestId !== request.requestId) throw conflict('request_not_pending', 'This request no longer applies to the session.');
  return { scope, request, booking, nowMs };
}

/** The coach approves: the session moves into the held time, in one transaction. */
export async function approveRescheduleRequest(deps: SessionDeps, caller: Caller, ref: ProgramRef, requestId: string, reason?: string) {
  const { scope, request, booking, nowMs } = await decidable(deps, caller, ref, requestId);
  const now = toEpochMinutes(nowMs);
  const tx = deps.transaction().add(deps.requests.settleItem(request, 'approved', formatInstant(nowMs), reason ?? null), 'request');
  const to: SessionTime = {
    start: request.proposedStart,
    end: request.proposedEnd,
    blockedUntil: request.proposedBlockedUntil,
    weekKey: countedWeek(findPackage(scope.program, booking.packageId), request.proposedStart, scope.schedule),
  };
  const moved = addMove(deps, tx, scope, booking, to, nowMs, request);
  stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), [
    ...sessionMailEffects(moved, { kind: 'rescheduled', change: { by: 'client', previousStart: booking.start, previousEnd: booking.end, reason: request.reason, viaRequest: true }, stampedAt: nowMs }),
    syncSessionSchedules(moved),
    { type: 'unschedule', name: expiryScheduleName(request.requestId) },
    domainEvent('reschedule_request.decided', request.orgId, rescheduleRequestEventData({ ...request, status: 'approved' }), nowMs),
    domainEvent('booking.rescheduled', moved.orgId, movedEventData(moved, booking, 'client', true), nowMs),
  ]);
  await commitDecision(tx);
  return { ...requestView({ ...request, status: 'approved', decidedAt: formatInstant(nowMs), decisionReason: reason ?? null }, now), booking: bookingView(moved, now) };
}

/** The coach rejects: the session stays, the held time is freed, the client is told. */
export async function rejectRescheduleRequest(deps: SessionDeps, caller: Caller, ref: ProgramRef, requestId: string, reason?: string) {
  const { scope, request, booking, nowMs } = await decidable(deps, caller, ref, requestId);
  const tx = await closeRequest(deps, scope, request, booking, 'rejected', reason ?? null, nowMs);
  await commitDecision(tx);
  return requestView({ ...request, status: 'rejected', decidedAt: formatInstant(nowMs), decisionReason: reason ?? null }, toEpochMinutes(nowMs));
}

/** What rejecting and expiring share: the request settled, its hold released, the booking freed of it. */
export async function closeRequest(
  deps: SessionDeps,
  scope: Pick<BookingScope, 'org' | 'program' | 'schedule'>,
  request: RescheduleRequest,
  booking: Booking,
  outcome: 'rejected' | 'expired',
  reason: string | null,
  nowMs: number,
): Promise<WriteTransaction> {
  const tx = deps.transaction().add(deps.requests.settleItem(request, outcome, formatInstant(nowMs), reason), 'request');
  if (booking.pendingRequestId === request.requestId) {
    tx.add(deps.bookings.replaceBookingItem({ ...booking, pendingRequestId: null, version: booking.version + 1, updatedAt: formatInstant(nowMs) }, booking.version), 'booking');
  }
  stageEffects(deps, tx, keys.programPartition(request.orgId, request.programId), [
    ...sessionMailEffects(booking, { kind: 'request_closed', request: freezeRequest(request), outcome, reason }),
    ...addReleaseHold(deps, tx, request),
    domainEvent(outcome === 'expired' ? 'reschedule_request.expired' : 'reschedule_request.decided', request.orgId, rescheduleRequestEventData({ ...request, status: outcome }), nowMs),
  ]);
  return tx;
}

async function commitDecision(tx: WriteTransaction): Promise<void> {
  try {
    await tx.commit();
  } catch (error) {
    if (!(error instanceof TransactionRefused)) throw error;
    if (error.failed.includes('request')) throw conflict('request_not_pending', 'This request was decided or expired meanwhile.');
    if (error.failed.includes('week')) throw conflict('weekly_limit_reached', 'The requested week already has its session; reject the request or move another session first.');
    throw conflict('concurrent_update', 'The session changed meanwhile; look at it again before deciding.');
  }
}

/** A moved session's event: the session as it is now, and where it was. */
const movedEventData = (moved: Booking, before: Booking, by: 'coach' | 'client', viaRequest: boolean) => ({
  ...bookingEventData(moved),
  previousStart: minutesToInstant(before.start),
  previousEnd: minutesToInstant(before.end),
  movedBy: by,
  viaRequest,
});
