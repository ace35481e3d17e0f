/** A client's review of their coaching: one per client per program, which they may edit. */
export interface Review {
  clientUserId: string;
  rating: number;
  body: string | null;
  createdAt: string;
  updatedAt: string;
  /** The day (org's zone, at the first review) whose analytics count this rating; edits correct that day. */
  statsDay: string | null;
  version: number;
}

export const REVIEW_RATING = { min: 1, max: 5 } as const;
export const REVIEW_BODY_MAX = 5000;

/** The coach's request for a review. It is open until the client reviews, or for 30 days. */
export interface ReviewRequest {
  requestId: string;
  requestedAt: string;
  expiresAt: string;
  answeredAt: string | null;
}

export const REVIEW_REQUEST_OPEN_DAYS = 30;

export type ReviewRequestStatus = 'open' | 'answered' | 'expired';

export const reviewRequestStatusAt = (request: ReviewRequest, nowMs: number): ReviewRequestStatus =>
  request.answeredAt ? 'answered' : nowMs >= Date.parse(request.expiresAt) ? 'expired' : 'open';
