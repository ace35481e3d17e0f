import { noShowPayload } from '../../shared/http/schemas/lifecycle';
import { sessionDeps } from '../../shared/runtime/session-deps';
import { detectNoShow } from '../../shared/use-cases/session-automation/detect-no-show';
import { scheduledHandler } from './run-scheduled';

/** Fifteen minutes after a session's start. */
export const handler = scheduledHandler('no-show', noShowPayload, (payload) => detectNoShow(sessionDeps(), payload));
