import { expiryPayload } from '../../shared/http/schemas/lifecycle';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { expireRequest } from '../../shared/use-cases/session-automation/expire-request';
import { scheduledHandler } from './run-scheduled';

/** When an unanswered reschedule request lapses. */
export const handler = scheduledHandler('reschedule-expiry', expiryPayload, (payload) => expireRequest(sessionDeps(), payload));
