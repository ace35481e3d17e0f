import * as z from 'zod/mini';
import { id, instant, nonBlank } from './common';

export const rescheduleBody = z.strictObject({ start: instant, reason: z.optional(nonBlank(1000)) });

export const decisionBody = z.optional(z.strictObject({ reason: z.optional(nonBlank(1000)) }));
export const requestsQuery = z.strictObject({ status: z.optional(z.enum(['pending', 'approved', 'rejected', 'expired', 'withdrawn'])) });

export const notesBody = z.strictObject({ body: z.string().check(z.maxLength(20_000)) });

/** What the one-time schedules carry; checked, because a malformed delivery must do nothing. */
const ids = { orgId: id, programId: id };
export const reminderPayload = z.object({ kind: z.literal('reminder'), ...ids, bookingId: id, lead: z.enum(['24h', '1h']), start: z.int() });
export const introCallReminderPayload = z.object({ kind: z.literal('intro_call_reminder'), orgId: id, introCallId: id, lead: z.enum(['24h', '1h']), start: z.int() });
/** The reminder Lambda serves sessions and intro calls; the payload says which. */
export const anyReminderPayload = z.discriminatedUnion('kind', [reminderPayload, introCallReminderPayload]);
export const noShowPayload = z.object({ kind: z.literal('no_show'), ...ids, bookingId: id, start: z.int() });
export const expiryPayload = z.object({ kind: z.literal('reschedule_expiry'), ...ids, requestId: id, expiresAt: z.int() });
