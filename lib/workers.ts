import { Duration } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { scheduledFunctions, type ScheduledFunctionName, type ScheduledFunctionSpec } from '../shared/runtime/scheduled-functions';
import type { Automation } from './automation';
import type { DataTable } from './data';
import type { DomainEvents } from './events';
import type { FailureQueues } from './failure-queues';
import { RapportFunction } from './rapport-function';

/** The Lambdas that run on a schedule rather than on a request. */
export class Workers extends Construct {
  readonly functions: Record<ScheduledFunctionName, RapportFunction>;

  constructor(scope: Construct, id: string, props: { data: DataTable; automation: Automation; failures: FailureQueues; events: DomainEvents; environment: Record<string, string> }) {
    super(scope, id);
    const functions = {} as Record<ScheduledFunctionName, RapportFunction>;
    // Targets first: the functions that make schedules need their ARNs.
    const specs = (Object.entries(scheduledFunctions) as [ScheduledFunctionName, ScheduledFunctionSpec][]).sort(
      ([, a], [, b]) => Number(b.trigger === 'target') - Number(a.trigger === 'target'),
    );
    const targetArns: Record<string, string> = {};
    for (const [name, spec] of specs) {
      const fn = new RapportFunction(this, name, {
        entry: spec.entry,
        description: spec.description,
        table: props.data,
        tableAccess: 'readWrite',
        environment: props.environment,
        timeout: Duration.seconds(60),
      });
      if (spec.sendsEmail) props.automation.allowSending(fn.role);
      if ('publishesEvents' in spec && spec.publishesEvents) {
        props.events.allowPublishing(fn.role);
        fn.fn.addEnvironment('EVENT_BUS_NAME', props.events.bus.eventBusName);
      }
      if (spec.managesSchedules) {
        props.automation.allowScheduling(fn);
        for (const [key, arn] of Object.entries(targetArns)) fn.fn.addEnvironment(key, arn);
      }
      if (spec.trigger === 'target') {
        // Per-booking schedules invoke it with the Scheduler role.
        fn.fn.grantInvoke(props.automation.schedulerRole);
        props.automation.acknowledgeInvokeGrant(fn);
        if (spec.arnVariable) targetArns[spec.arnVariable] = fn.fn.functionArn;
      }
      if (spec.trigger === 'outbox-stream') {
        fn.fn.addEventSource(
          new DynamoEventSource(props.data.table, {
            startingPosition: StartingPosition.LATEST,
            batchSize: 10,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            retryAttempts: 3,
            onFailure: props.failures.relayStreamDestination,
            // Only new outbox entries wake the relay; every other write passes by.
            filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { type: { S: FilterRule.isEqual('outbox') } } } })],
          }),
        );
      }
      if (spec.trigger === 'every-minute') {
        new Schedule(this, `${name}EveryMinute`, {
          schedule: ScheduleExpression.rate(Duration.minutes(1)),
          description: spec.description,
          target: new LambdaInvoke(fn.fn, { role: props.automation.schedulerRole, deadLetterQueue: props.automation.deadLetterQueue, retryAttempts: 0 }),
        });
        props.automation.acknowledgeInvokeGrant(fn);
      }
      if (spec.trigger === 'mail-feedback') fn.fn.addEventSource(new SnsEventSource(props.automation.mailFeedback));
      // Every trigger but the stream invokes asynchronously: Lambda's retries, then the failure queue.
      if (spec.trigger !== 'outbox-stream') props.failures.catchScheduledRuns(fn.fn);
      functions[name] = fn;
    }
    this.functions = functions;
  }
}
