/**
 * The Lambdas that run without an HTTP request: CDK creates them from this table, and the local
 * stack maps schedule targets to them. Like the route table, it imports no handler code.
 */
export interface ScheduledFunctionSpec {
  entry: string;
  description: string;
  /** `every-minute`: CDK gives it a recurring schedule. `target`: per-booking schedules invoke it. */
  trigger: 'every-minute' | 'target';
  sendsEmail?: true;
  managesSchedules?: true;
}

export const scheduledFunctions = {
  outboxRelay: {
    entry: 'functions/scheduled/outbox-relay.ts',
    description: 'Retries the follow-up work (emails, schedules) of writes whose first attempt failed',
    trigger: 'every-minute',
    sendsEmail: true,
  },
} as const satisfies Record<string, ScheduledFunctionSpec>;

export type ScheduledFunctionName = keyof typeof scheduledFunctions;
