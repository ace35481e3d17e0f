import type { Booking } from '../bookings/booking';
import type { RescheduleRequest } from '../bookings/reschedule-policy';
import type { ReminderLead } from '../bookings/session-timing';

/**
 * A session email as the outbox keeps it: not the rendered message (kilobytes with its invitation)
 * but what it is about, rendered by the relay when it sends. What may change later and must not
 * change the email is frozen here: the session's time, SEQUENCE and status as this write left
 * them (a Booked email sent after a move still shows the time that was booked, with that
 * invitation's SEQUENCE), and the particulars of the event (a reason, the old time). The people,
 * the practice, the program's name and the join links are read when the email is rendered.
 */
export type FrozenSession = Pick<Booking, 'start' | 'end' | 'sequence' | 'status' | 'cancelledBy' | 'cancelReason' | 'creditReturned' | 'noShowMarkedBy'>;

export type FrozenRequest = Pick<RescheduleRequest, 'proposedStart' | 'proposedEnd' | 'reason' | 'expiresAt'>;

/** When a reminder fired: whether the client's prep worksheet was still unanswered, and what they had not ticked off. */
export interface ClientPreparation {
  /** null: the session has no prep worksheet. */
  prepEmpty: boolean | null;
  openActionItems: string[];
}

export type SessionMail =
  | { kind: 'booked'; stampedAt: number }
  | { kind: 'cancelled'; stampedAt: number }
  | { kind: 'rescheduled'; change: { by: 'coach' | 'client'; previousStart: number; previousEnd: number; reason: string | null; viaRequest: boolean }; stampedAt: number }
  | { kind: 'details_updated'; what: string; stampedAt: number }
  | { kind: 'reschedule_requested'; request: FrozenRequest }
  | { kind: 'request_closed'; request: FrozenRequest; outcome: 'rejected' | 'expired'; reason: string | null }
  | { kind: 'reminder'; lead: ReminderLead; preparation: ClientPreparation }
  | { kind: 'no_show' };

export interface SessionMailEffect {
  type: 'sessionMail';
  session: { orgId: string; programId: string; bookingId: string };
  frozen: FrozenSession;
  mail: SessionMail;
  /** Which of the kind's emails this is, in the order its renderer lists them. */
  part: number;
}

/** How many emails a kind sends: both sides, except a rejected request, which only the client hears of. */
const partsOf = (mail: SessionMail) => (mail.kind === 'request_closed' && mail.outcome === 'rejected' ? 1 : 2);

const freezeSession = (booking: Booking): FrozenSession => ({
  start: booking.start,
  end: booking.end,
  sequence: booking.sequence,
  status: booking.status,
  cancelledBy: booking.cancelledBy,
  cancelReason: booking.cancelReason,
  creditReturned: booking.creditReturned,
  noShowMarkedBy: booking.noShowMarkedBy,
});

export const freezeRequest = (request: RescheduleRequest): FrozenRequest => ({
  proposedStart: request.proposedStart,
  proposedEnd: request.proposedEnd,
  reason: request.reason,
  expiresAt: request.expiresAt,
});

/** One effect per email of the kind, each with its own idempotency key (its index in the entry). */
export function sessionMailEffects(booking: Booking, mail: SessionMail): SessionMailEffect[] {
  const session = { orgId: booking.orgId, programId: booking.programId, bookingId: booking.bookingId };
  const frozen = freezeSession(booking);
  return Array.from({ length: partsOf(mail) }, (_, part) => ({ type: 'sessionMail', session, frozen, mail, part }));
}
