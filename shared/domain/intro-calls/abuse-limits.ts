import type { RateLimit } from '../rate-limits/rate-limit';

/**
 * Intro calls are the only writes open to the whole internet, so each caller address and each
 * prospect email is limited (API Gateway throttles the routes as a whole on top of this).
 */
export const INTRO_CALL_LIMITS = {
  /** Bookings, moves and cancellations from one address. */
  writesPerIp: { name: 'intro_write_ip', limit: 20, windowSeconds: 60 },
  /** Availability and call lookups from one address: a visitor paging through weeks stays far below. */
  readsPerIp: { name: 'intro_read_ip', limit: 120, windowSeconds: 60 },
  /** Calls booked for one email in a (UTC) day, across every coach. */
  bookingsPerEmail: { name: 'intro_book_email', limit: 5, windowSeconds: 24 * 3600 },
} as const satisfies Record<string, RateLimit>;
