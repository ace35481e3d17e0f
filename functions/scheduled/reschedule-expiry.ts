import { expiryPayload } from '../../shared/http/schemas/lifecycle';
import { bookingDeps } from '../../shared/runtime/booking-deps';
import { expireRequest } from '../../shared/use-cases/session-automation/expire-request';
import { scheduledHandler } from './run-scheduled';

/** When an unanswered reschedule request lapses. */
export const handler = scheduledHandler('reschedule-expiry', expiryPayload, (payload) => expireRequest(bookingDeps(), payload));
