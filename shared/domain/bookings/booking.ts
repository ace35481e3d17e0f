import type { SessionPackage } from '../programs/packages';
import type { Money } from '../programs/program';
import type { JoinSide } from './join-link';

export type StoredBookingStatus = 'confirmed' | 'cancelled' | 'no_show';
/** `completed` is not stored: a confirmed session whose end has passed is completed. */
export type BookingStatus = StoredBookingStatus | 'completed';

/**
 * A booked session of one program. Times are epoch minutes; `blockedUntil` is the end plus the
 * schedule's buffer, the span the coach's time locks cover.
 */
export interface Booking {
  bookingId: string;
  orgId: string;
  programId: string;
  packageId: SessionPackage['packageId'];
  coachUserId: string;
  clientUserId: string;
  start: number;
  end: number;
  blockedUntil: number;
  /** The week whose counter this booking holds; null for packages without a weekly cap. */
  weekKey: string | null;
  /** Coaching sessions attach to a session module by number; check-ins do not. */
  sessionNumber: number | null;
  status: StoredBookingStatus;
  /** The calendar invite's SEQUENCE: rises on every change, so calendars keep the latest. */
  sequence: number;
  bookedBy: 'coach' | 'client';
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelledBy: 'coach' | 'client' | null;
  cancelReason: string | null;
  creditReturned: boolean | null;
  /** When each side first asked to join (the join window opens 15 minutes before the start). */
  clientJoinedAt: string | null;
  coachJoinedAt: string | null;
  /** Hashes of each side's join-link secret (join-link.ts); never the secrets themselves. */
  joinHashes: Record<JoinSide, string> | null;
  /** The start (epoch minutes) each reminder was sent for: a moved session gets its reminders again. */
  reminded24h: number | null;
  reminded1h: number | null;
  /** The client's reschedule request awaiting the coach, if any (one at a time). */
  pendingRequestId: string | null;
  noShowMarkedBy: 'coach' | 'automatic' | null;
  /** The day (YYYY-MM-DD, org's zone) whose analytics sums count this session; null if booked before they were kept. */
  statsDay: string | null;
  /** The price of the session when it was booked; null when free. A later price change does not rewrite it. */
  price: Money | null;
  /** The last details change (ReissueEffect.changeId) this session's invitation was updated for. */
  reissuedFor: string | null;
  /** Optimistic concurrency: every write of the booking is conditional on the version read. */
  version: number;
}

export const statusAt = (booking: Pick<Booking, 'status' | 'end'>, nowMinute: number): BookingStatus =>
  booking.status === 'confirmed' && nowMinute >= booking.end ? 'completed' : booking.status;

/** What a session is booked with; everything else about a new booking starts the same. */
export type BookingFacts = Pick<
  Booking,
  'bookingId' | 'orgId' | 'programId' | 'packageId' | 'coachUserId' | 'clientUserId' | 'start' | 'end' | 'blockedUntil' | 'weekKey' | 'sessionNumber' | 'bookedBy' | 'joinHashes' | 'statsDay' | 'price'
>;

/**
 * A session as it is when booked (`bookedAt`, an instant as stored): confirmed, its invitation at
 * SEQUENCE 0, version 1, and nothing yet cancelled, joined, reminded, requested or reissued.
 */
export function newBooking(facts: BookingFacts, bookedAt: string): Booking {
  return {
    ...facts,
    status: 'confirmed',
    sequence: 0,
    createdAt: bookedAt,
    updatedAt: bookedAt,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    creditReturned: null,
    clientJoinedAt: null,
    coachJoinedAt: null,
    reminded24h: null,
    reminded1h: null,
    pendingRequestId: null,
    noShowMarkedBy: null,
    reissuedFor: null,
    version: 1,
  };
}
