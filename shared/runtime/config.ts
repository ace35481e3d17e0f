import type { ScheduleTarget } from '../adapters/scheduler/session-scheduler';
import { AppError } from '../domain/errors';
import { scheduledFunctions } from './scheduled-functions';

/**
 * Configuration read from the Lambda environment. CDK sets these; the local stack sets the same
 * names before it loads any handler. Endpoints of AWS services are NOT configured here: the SDK
 * reads `AWS_ENDPOINT_URL_<SERVICE>` itself, which is how the local stand-ins are reached.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new AppError(500, 'internal_error', `Missing configuration ${name}`);
  return value;
}

export const config = {
  tableName: () => required('TABLE_NAME'),
  senderEmail: () => required('SENDER_EMAIL'),
  appUrl: () => required('APP_URL'),
  /** Where the API itself is served (join links point at it). */
  apiUrl: () => required('PUBLIC_API_URL').replace(/\/$/, ''),
  scheduleGroup: () => required('SCHEDULE_GROUP'),
  /** The EventBridge bus domain events go to (only the relays are told it). */
  eventBusName: () => required('EVENT_BUS_NAME'),
  schedulerRoleArn: () => required('SCHEDULER_ROLE_ARN'),
  schedulerDeadLetterArn: () => required('SCHEDULER_DLQ_ARN'),
  /** Minutes reminders may fire early to spread a top-of-hour burst (reminder-spread.ts); 0 when unset. */
  reminderSpreadMinutes: () => Math.max(0, Math.floor(Number(process.env.REMINDER_SPREAD_MINUTES ?? 0)) || 0),
  /** The ARN of a Lambda that one-time schedules invoke. */
  targetArn: (target: ScheduleTarget) => required(scheduledFunctions[target].arnVariable),
} as const;
