/**
 * Who may move a session, and how:
 * - the coach, any time: it moves at once;
 * - the client, more than 48 hours ahead: it moves at once;
 * - the client, 24 to 48 hours ahead: a request the coach approves or rejects, holding the new time;
 * - the client, under 24 hours ahead: not any more.
 */
export const FREE_RESCHEDULE_MINUTES = 48 * 60;
export const CLOSED_RESCHEDULE_MINUTES = 24 * 60;
/** An unanswered request expires after this long, or when the session starts if that is sooner. */
export const REQUEST_VALID_MINUTES = 48 * 60;

export type RescheduleMode = 'instant' | 'request' | 'closed';

export function rescheduleMode(by: 'coach' | 'client', start: number, now: number): RescheduleMode {
  if (by === 'coach') return 'instant';
  const ahead = start - now;
  if (ahead > FREE_RESCHEDULE_MINUTES) return 'instant';
  if (ahead >= CLOSED_RESCHEDULE_MINUTES) return 'request';
  return 'closed';
}

export const requestExpiresAt = (start: number, now: number) => Math.min(now + REQUEST_VALID_MINUTES, start);

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn';

/** A client's proposal to move a session, holding the proposed time until the coach decides. */
export interface RescheduleRequest {
  requestId: string;
  orgId: string;
  programId: string;
  bookingId: string;
  coachUserId: string;
  /** The session's start when the request was made. */
  currentStart: number;
  proposedStart: number;
  proposedEnd: number;
  proposedBlockedUntil: number;
  /** The 5-minute blocks the request holds (those of the new time the session did not hold already). */
  heldBlocks: number[];
  reason: string | null;
  status: RequestStatus;
  createdAt: string;
  /** Epoch minutes. */
  expiresAt: number;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** A pending request whose time has come is expired, whether or not its expiry has run yet. */
export const requestStatusAt = (request: Pick<RescheduleRequest, 'status' | 'expiresAt'>, now: number): RequestStatus =>
  request.status === 'pending' && now >= request.expiresAt ? 'expired' : request.status;
