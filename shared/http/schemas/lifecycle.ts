import * as z from 'zod/mini';
import { id, instant, nonBlank } from './common';
import { lazySchema } from './lazy-schema';

export const rescheduleBody = lazySchema(() => z.strictObject({ start: instant(), reason: z.optional(nonBlank(1000)) }));

export const decisionBody = lazySchema(() => z.optional(z.strictObject({ reason: z.optional(nonBlank(1000)) })));
export const requestsQuery = lazySchema(() => z.strictObject({ status: z.optional(z.enum(['pending', 'approved', 'rejected', 'expired', 'withdrawn'])) }));

export const notesBody = lazySchema(() => z.strictObject({ body: z.string().check(z.maxLength(20_000)) }));

/** What the one-time schedules carry; checked, because a malformed delivery must do nothing. */
export const reminderPayload = lazySchema(() =>
  z.object({ kind: z.literal('reminder'), orgId: id(), programId: id(), bookingId: id(), lead: z.enum(['24h', '1h']), start: z.int() }),
);
export const introCallReminderPayload = lazySchema(() =>
  z.object({ kind: z.literal('intro_call_reminder'), orgId: id(), introCallId: id(), lead: z.enum(['24h', '1h']), start: z.int() }),
);
/** The reminder Lambda serves sessions and intro calls; the payload says which. */
export const anyReminderPayload = lazySchema(() => z.discriminatedUnion('kind', [reminderPayload(), introCallReminderPayload()]));
export const noShowPayload = lazySchema(() => z.object({ kind: z.literal('no_show'), orgId: id(), programId: id(), bookingId: id(), start: z.int() }));
export const expiryPayload = lazySchema(() => z.object({ kind: z.literal('reschedule_expiry'), orgId: id(), programId: id(), requestId: id(), expiresAt: z.int() }));
