import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, UpdateScheduleCommand, type CreateScheduleCommandInput, type SchedulerClient } from '@aws-sdk/client-scheduler';

/** The Lambdas one-time schedules can invoke. */
export type ScheduleTarget = 'reminder' | 'noShow' | 'rescheduleExpiry';

export interface OneTimeSchedule {
  /** Deterministic per booking (or request) and purpose, so it can be moved and removed by name. */
  name: string;
  /** Epoch minutes. */
  at: number;
  target: ScheduleTarget;
  payload: Record<string, unknown>;
}

/** One-time schedules, as the use cases see them. */
export interface SessionScheduler {
  /** Creates the schedule, or moves it if one of that name exists. */
  upsert(schedule: OneTimeSchedule): Promise<void>;
  /** Removes it; a schedule that is not there (already fired, never made) is not an error. */
  remove(name: string): Promise<void>;
}

export interface EventBridgeSchedulerConfig {
  groupName: string;
  roleArn: string;
  deadLetterArn: string;
  targets: Record<ScheduleTarget, string>;
}

/** `at(2026-12-01T09:00:00)` in UTC, to the minute. */
export const atExpression = (epochMinute: number) => `at(${new Date(epochMinute * 60_000).toISOString().slice(0, 19)})`;

/**
 * EventBridge Scheduler, one-time `at()` schedules: deleted after they fire, no flexible window,
 * retried a few times within the hour and then sent to the dead-letter queue.
 */
export class EventBridgeSessionScheduler implements SessionScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly config: EventBridgeSchedulerConfig,
  ) {}

  async upsert(schedule: OneTimeSchedule): Promise<void> {
    const input: CreateScheduleCommandInput = {
      Name: schedule.name,
      GroupName: this.config.groupName,
      ScheduleExpression: atExpression(schedule.at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: this.config.targets[schedule.target],
        RoleArn: this.config.roleArn,
        Input: JSON.stringify(schedule.payload),
        DeadLetterConfig: { Arn: this.config.deadLetterArn },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
      },
    };
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ConflictException) && (error as { name?: string }).name !== 'ConflictException') throw error;
      await this.client.send(new UpdateScheduleCommand(input));
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException || (error as { name?: string }).name === 'ResourceNotFoundException') return;
      throw error;
    }
  }
}
