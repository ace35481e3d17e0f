import { reminderPayload } from '../../shared/http/schemas/lifecycle';
import { bookingDeps } from '../../shared/runtime/booking-deps';
import { actionItemsRepository, programsRepository, worksheetsRepository } from '../../shared/runtime/deps';
import { sendReminder } from '../../shared/use-cases/session-automation/send-reminder';
import { scheduledHandler } from './run-scheduled';

/** 24 hours and 1 hour before a session. */
export const handler = scheduledHandler('reminder', reminderPayload, (payload) =>
  sendReminder({ ...bookingDeps(), programs: programsRepository(), worksheets: worksheetsRepository(), actionItems: actionItemsRepository() }, payload),
);
