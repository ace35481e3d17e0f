import { zoneDayOf } from '../time/zone-day';
import type { Money } from '../programs/program';
import type { Review } from '../outcomes/review';

/**
 * The org's analytics are kept as running sums, one item per month, with each day's figures as
 * that item's attributes (`<dd>#<metric>`, `<dd>#<metric>#<currency>` for money in minor units,
 * `<dd>#client#<userId>` for a client's live sessions that day). Writes that change a session or a
 * review add a delta to those sums in the same transaction, so nothing ever reads every booking.
 *
 * What is counted is what happens at a write: a session booked, cancelled (free or late), missed,
 * moved; a review written. `completed` is not: it is derived (a confirmed session whose end has
 * passed), so for a day whose sessions have all ended, completed = booked − cancelled − no-show.
 */
export type CountMetric = 'booked' | 'cancelledFree' | 'cancelledLate' | 'noShow' | 'ratingSum' | 'ratings';

/** month ("YYYY-MM") → attribute → amount to add. */
export type StatsDelta = Map<string, Map<string, number>>;

export const countAttribute = (day: string, metric: CountMetric) => `${day.slice(8, 10)}#${metric}`;
export const valueAttribute = (day: string, metric: CountMetric, currency: string) => `${day.slice(8, 10)}#${metric}#${currency}`;
export const clientAttribute = (day: string, clientUserId: string) => `${day.slice(8, 10)}#client#${clientUserId}`;

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export const dayOf = zoneDayOf;

function add(delta: StatsDelta, day: string, attribute: string, amount: number): StatsDelta {
  if (amount === 0) return delta;
  const month = day.slice(0, 7);
  const attributes = delta.get(month) ?? new Map<string, number>();
  attributes.set(attribute, (attributes.get(attribute) ?? 0) + amount);
  if (attributes.get(attribute) === 0) attributes.delete(attribute);
  if (attributes.size > 0) delta.set(month, attributes);
  else delta.delete(month);
  return delta;
}

/** What the analytics know of a session: the day it counts on, its price and its client. */
export interface CountedSession {
  statsDay: string | null;
  price: Money | null;
  clientUserId: string;
}

function session(delta: StatsDelta, s: CountedSession, metric: CountMetric, sign: 1 | -1, clientChange: number): StatsDelta {
  if (!s.statsDay) return delta; // booked before analytics were kept
  add(delta, s.statsDay, countAttribute(s.statsDay, metric), sign);
  if (s.price && s.price.amountMinor !== 0) add(delta, s.statsDay, valueAttribute(s.statsDay, metric, s.price.currency), sign * s.price.amountMinor);
  return add(delta, s.statsDay, clientAttribute(s.statsDay, s.clientUserId), clientChange);
}

export const sessionBooked = (s: CountedSession): StatsDelta => session(new Map(), s, 'booked', 1, 1);

/** A late cancellation forfeits the session: still revenue, but not held. */
export const sessionCancelled = (s: CountedSession, late: boolean): StatsDelta => session(new Map(), s, late ? 'cancelledLate' : 'cancelledFree', 1, -1);

export const sessionMissed = (s: CountedSession): StatsDelta => session(new Map(), s, 'noShow', 1, -1);

/** A moved session counts on its new day. */
export function sessionMoved(before: CountedSession, after: CountedSession): StatsDelta {
  if (before.statsDay === after.statsDay) return new Map();
  return session(session(new Map(), before, 'booked', -1, -1), after, 'booked', 1, 1);
}

/** A review counts once on the day it was first written; an edit corrects the rating there. */
export function reviewWritten(earlier: Review | null, review: Review): StatsDelta {
  const delta: StatsDelta = new Map();
  if (!review.statsDay) return delta;
  add(delta, review.statsDay, countAttribute(review.statsDay, 'ratingSum'), review.rating - (earlier?.rating ?? 0));
  return add(delta, review.statsDay, countAttribute(review.statsDay, 'ratings'), earlier ? 0 : 1);
}
