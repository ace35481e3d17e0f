import { anyReminderPayload } from '../../shared/http/schemas/lifecycle';
import { introCallDeps } from '../../shared/runtime/intro-call-deps';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { actionItemsRepository, programsRepository, worksheetsRepository } from '../../shared/runtime/deps';
import { sendIntroCallReminder } from '../../shared/use-cases/intro-calls/send-intro-call-reminder';
import { sendReminder } from '../../shared/use-cases/session-automation/send-reminder';
import { scheduledHandler } from './run-scheduled';

/** 24 hours and 1 hour before a session or an intro call. */
export const handler = scheduledHandler('reminder', anyReminderPayload, (payload) =>
  payload.kind === 'intro_call_reminder'
    ? sendIntroCallReminder(introCallDeps(), payload)
    : sendReminder({ ...sessionDeps(), programs: programsRepository(), worksheets: worksheetsRepository(), actionItems: actionItemsRepository() }, payload),
);
