import type { IntroCallReminderPayload } from '../../domain/intro-calls/intro-call-schedules';
import { emailEffects } from '../../domain/outbox/outbox-entry';
import { toEpochMinutes } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import { introCallReminderEmails } from '../../emails/intro-call-emails';
import { stageEffects } from '../outbox/relay';
import type { AutomationOutcome } from '../session-automation/automation-outcome';
import { introCallParties, type IntroCallChangeDeps } from './intro-call-deps';

/**
 * Sends one intro-call reminder, once, with the same guards as a session's: a delivery for another
 * start, a call no longer confirmed or already under way does nothing, and the conditional write
 * that marks the reminder sent (in the same transaction as its emails) stops a second delivery.
 */
export async function sendIntroCallReminder(deps: Omit<IntroCallChangeDeps, 'rateLimits'>, payload: IntroCallReminderPayload): Promise<AutomationOutcome> {
  const { org, call } = await deps.introCalls.context(payload.orgId, { introCallId: payload.introCallId });
  if (!org || !call || call.status !== 'confirmed' || call.start !== payload.start) return 'stale';
  if ((payload.lead === '24h' ? call.reminded24h : call.reminded1h) === call.start) return 'already_done';
  if (toEpochMinutes(deps.clock.now()) >= call.start) return 'too_late';

  const tx = deps.transaction().add(deps.introCalls.remindedItem(call, payload.lead, payload.start), 'call');
  stageEffects(deps, tx, keys.introPartition(call.orgId), emailEffects(introCallReminderEmails(call, introCallParties(org, deps, null), payload.lead)));
  try {
    await tx.commit();
    return 'done';
  } catch (error) {
    if (error instanceof TransactionRefused) return 'already_done';
    throw error;
  }
}
