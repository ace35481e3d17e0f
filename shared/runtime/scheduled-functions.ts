/**
 * The Lambdas that run without an HTTP request: CDK creates them from this table and wires their
 * triggers; the local stack drives the same handlers from its stream poller, clock and scheduler.
 * Like the route table, it imports no handler code.
 */
export interface ScheduledFunctionSpec {
  entry: string;
  description: string;
  /**
   * `outbox-stream`: the table's stream delivers each new outbox entry.
   * `every-minute`: a recurring EventBridge schedule.
   * `target`: the one-time schedules of each booking invoke it.
   * `mail-feedback`: SES's bounce and complaint events, through SNS.
   */
  trigger: 'outbox-stream' | 'every-minute' | 'target' | 'mail-feedback';
  /** For targets: the environment variable that tells the schedule-making functions its ARN. */
  arnVariable?: string;
  sendsEmail?: true;
  managesSchedules?: true;
  /** Reads the coach's calendar feed over the internet. */
  fetchesCalendars?: true;
  /** Composes session emails with join links: reads the join-link key. */
  signsJoinLinks?: true;
  /** Carries out outbox effects that put domain events on the EventBridge bus. */
  publishesEvents?: true;
}

export const scheduledFunctions = {
  reminder: {
    entry: 'functions/scheduled/reminder.ts',
    description: 'Reminds both sides 24 hours and 1 hour before a session or an intro call',
    trigger: 'target',
    arnVariable: 'REMINDER_FUNCTION_ARN',
    signsJoinLinks: true,
  },
  noShow: {
    entry: 'functions/scheduled/no-show.ts',
    description: 'Marks a session a no-show when the client has not joined 15 minutes in',
    trigger: 'target',
    arnVariable: 'NO_SHOW_FUNCTION_ARN',
    signsJoinLinks: true,
  },
  rescheduleExpiry: {
    entry: 'functions/scheduled/reschedule-expiry.ts',
    description: 'Lapses a reschedule request the coach did not answer in time',
    trigger: 'target',
    arnVariable: 'RESCHEDULE_EXPIRY_FUNCTION_ARN',
    signsJoinLinks: true,
  },
  outboxRelay: {
    entry: 'functions/events/outbox-relay.ts',
    description: 'Carries out the emails and schedules of each write, right after it commits',
    trigger: 'outbox-stream',
    sendsEmail: true,
    managesSchedules: true,
    signsJoinLinks: true,
    publishesEvents: true,
  },
  outboxSweeper: {
    entry: 'functions/scheduled/outbox-sweeper.ts',
    description: 'Retries the follow-up work of writes whose relay failed or never finished',
    trigger: 'every-minute',
    sendsEmail: true,
    managesSchedules: true,
    signsJoinLinks: true,
    publishesEvents: true,
  },
  mailFeedback: {
    entry: 'functions/events/mail-feedback.ts',
    description: 'Suppresses addresses SES reports as permanently bounced or complaining',
    trigger: 'mail-feedback',
  },
  webhookDeliverer: {
    entry: 'functions/scheduled/webhook-deliverer.ts',
    description: 'Retries webhook deliveries with backoff, and takes over first attempts whose sender died',
    trigger: 'every-minute',
  },
  calendarRefresh: {
    entry: 'functions/scheduled/calendar-refresh.ts',
    description: "Reads coaches' connected calendars again (each about every 10 minutes) and stores their busy time",
    trigger: 'every-minute',
    fetchesCalendars: true,
  },
} as const satisfies Record<string, ScheduledFunctionSpec>;

export type ScheduledFunctionName = keyof typeof scheduledFunctions;
