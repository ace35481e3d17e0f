import type { RateLimit } from './rate-limit';

/**
 * Polls of one coach's feed. Calendar apps refresh every 5 minutes to a few hours; a coach with a
 * phone, a laptop, a tablet and an assistant's calendar all polling every 5 minutes makes 48 an hour.
 * 240 leaves room for that five times over; above it, a broken or hostile client of a leaked link
 * gets 429s and the rest of everyone's polling goes on (API Gateway caps only the total).
 */
export const FEED_POLLS_PER_TOKEN: RateLimit = { name: 'feed_poll_token', limit: 240, windowSeconds: 3600 };
