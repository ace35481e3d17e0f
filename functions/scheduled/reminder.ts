import { reminderPayload } from '../../shared/http/schemas/lifecycle';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { actionItemsRepository, programsRepository, worksheetsRepository } from '../../shared/runtime/deps';
import { sendReminder } from '../../shared/use-cases/session-automation/send-reminder';
import { scheduledHandler } from './run-scheduled';

/** 24 hours and 1 hour before a session. */
export const handler = scheduledHandler('reminder', reminderPayload, (payload) =>
  sendReminder({ ...sessionDeps(), programs: programsRepository(), worksheets: worksheetsRepository(), actionItems: actionItemsRepository() }, payload),
);
