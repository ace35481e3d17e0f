import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { failureKinds, type FailureKind } from '../shared/runtime/failure-kinds';

/**
 * Where work that failed for good is kept instead of dropped: one queue per kind of message, each
 * holding the shape AWS writes for that kind (README, "When something fails"), so `npm run redrive`
 * can tell from the queue alone how to replay it. The Scheduler delivery queue lives with the
 * schedules (lib/automation.ts) and is listed here too, for alarms and the redrive command.
 */
export class FailureQueues extends Construct {
  readonly queues: Record<FailureKind, Queue>;

  constructor(scope: Construct, id: string, props: { scheduleDelivery: Queue }) {
    super(scope, id);
    const queue = (name: string) => {
      const q = new Queue(this, name, { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
      Validations.of(q).acknowledge({ id: 'AwsSolutions::AwsSolutions-SQS3', reason: 'This queue is itself where failed work ends; a dead-letter queue for it would add nothing.' });
      return q;
    };
    this.queues = { scheduleDelivery: props.scheduleDelivery, scheduledRun: queue('ScheduledRunFailures'), relayStream: queue('RelayStreamFailures') };
    for (const [kind, q] of Object.entries(this.queues)) {
      new CfnOutput(this, `${kind[0]?.toUpperCase()}${kind.slice(1)}QueueUrl`, { value: q.queueUrl, description: failureKinds[kind as FailureKind] });
    }
  }

  /**
   * A function Lambda invokes asynchronously (Scheduler's targets and the sweeper): Lambda retries a
   * failed run twice, then writes the event with its error to the scheduled-run queue.
   */
  catchScheduledRuns(fn: IFunction): void {
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(this.queues.scheduledRun) });
  }

  /** The stream relay's batches that still fail after the event source's retries. */
  get relayStreamDestination(): SqsDlq {
    return new SqsDlq(this.queues.relayStream);
  }
}
