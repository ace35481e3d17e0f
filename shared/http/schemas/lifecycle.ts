import * as z from 'zod';
import { id, instant } from './common';
import { programPath } from './programs';

export const rescheduleBody = z.strictObject({ start: instant, reason: z.string().trim().min(1).max(1000).optional() });

export const requestPath = programPath.extend({ requestId: id });
export const decisionBody = z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() }).optional();
export const requestsQuery = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected', 'expired', 'withdrawn']).optional() });

export const notesBody = z.strictObject({ body: z.string().max(20_000) });

/** What the one-time schedules carry; checked, because a malformed delivery must do nothing. */
const ids = { orgId: id, programId: id };
export const reminderPayload = z.object({ kind: z.literal('reminder'), ...ids, bookingId: id, lead: z.enum(['24h', '1h']), start: z.number().int() });
export const introCallReminderPayload = z.object({ kind: z.literal('intro_call_reminder'), orgId: id, introCallId: id, lead: z.enum(['24h', '1h']), start: z.number().int() });
/** The reminder Lambda serves sessions and intro calls; the payload says which. */
export const anyReminderPayload = z.discriminatedUnion('kind', [reminderPayload, introCallReminderPayload]);
export const noShowPayload = z.object({ kind: z.literal('no_show'), ...ids, bookingId: id, start: z.number().int() });
export const expiryPayload = z.object({ kind: z.literal('reschedule_expiry'), ...ids, requestId: id, expiresAt: z.number().int() });
