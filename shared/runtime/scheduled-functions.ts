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
   */
  trigger: 'outbox-stream' | 'every-minute' | 'target';
  sendsEmail?: true;
  managesSchedules?: true;
}

export const scheduledFunctions = {
  outboxRelay: {
    entry: 'functions/events/outbox-relay.ts',
    description: 'Carries out the emails and schedules of each write, right after it commits',
    trigger: 'outbox-stream',
    sendsEmail: true,
  },
  outboxSweeper: {
    entry: 'functions/scheduled/outbox-sweeper.ts',
    description: 'Retries the follow-up work of writes whose relay failed or never finished',
    trigger: 'every-minute',
    sendsEmail: true,
  },
} as const satisfies Record<string, ScheduledFunctionSpec>;

export type ScheduledFunctionName = keyof typeof scheduledFunctions;
