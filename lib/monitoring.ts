import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TreatMissingData, AlarmStatusWidget, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableDefinition } from '../shared/data/table-definition';
import type { FailureKind } from '../shared/runtime/failure-kinds';
import type { Api } from './api';
import type { DataTable } from './data';
import type { RapportFunction } from './rapport-function';

export interface MonitoringProps {
  /** An existing SNS topic for alarms (`rapport:alarmTopicArn`); else the stack makes one. */
  alarmTopicArn: string | null;
  api: Api;
  data: DataTable;
  failureQueues: Record<FailureKind, Queue>;
  functions: Record<string, RapportFunction>;
  relay: RapportFunction;
  sweeper: RapportFunction;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Every failure visible: an alarm, sent to one SNS topic, for each way Rapport can fail quietly —
 * work in a failure queue, a Lambda failing or throttled, the stream relay falling behind, the API
 * answering 5xx or slowly, DynamoDB throttling the table or its index, outbox work still undone
 * after 15 minutes, SES bounce or complaint rates near what gets an account paused — and one
 * dashboard that shows the same numbers.
 */
export class Monitoring extends Construct {
  readonly topic: ITopic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = props.alarmTopicArn ? Topic.fromTopicArn(this, 'Alarms', props.alarmTopicArn) : new Topic(this, 'Alarms', { displayName: 'Rapport alarms', enforceSSL: true });
    if (!props.alarmTopicArn) new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topicArn, description: 'Subscribe to receive Rapport alarms.' });
    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1, comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: comparison,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    // Work kept in a failure queue waits for an operator (README: "When something fails").
    const queueDepths = Object.entries(props.failureQueues).map(([kind, queue]) => {
      const depth = queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: kind });
      alarm(`${kind}Waiting`, depth, 1, `Failed work waits in the ${kind} failure queue: fix the cause, then npm run redrive -- <queue URL>.`);
      return depth;
    });

    const errors: IMetric[] = [];
    const throttles: IMetric[] = [];
    for (const [name, fn] of Object.entries(props.functions)) {
      const e = fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: name });
      const t = fn.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: name });
      alarm(`${name}Errors`, e, 1, `The ${name} Lambda failed (see its log group; correlationId ties a run to its request).`);
      alarm(`${name}Throttles`, t, 1, `Lambda throttled ${name}: raise the account's concurrency or reserve some for it.`);
      errors.push(e);
      throttles.push(t);
    }

    const iteratorAge = props.relay.fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum', label: 'relay iterator age (ms)' });
    alarm('RelayBehind', iteratorAge, 60_000, 'The outbox relay is more than a minute behind the table stream: emails and schedules are late.', 5);

    const api = props.api.httpApi;
    const requests = api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrors = api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const errorRate = new MathExpression({ expression: 'IF(requests >= 20, 100 * errors / requests, 0)', usingMetrics: { requests, errors: serverErrors }, label: 'API 5xx %', period: FIVE_MINUTES });
    alarm('Api5xxRate', errorRate, 1, 'More than 1% of API requests (of at least 20 in 5 minutes) answered 5xx: a 5xx is a bug.');
    const latency = api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99', label: 'API latency p99 (ms)' });
    alarm('ApiLatencyP99', latency, 3000, 'The slowest 1% of API requests took more than 3 s.', 2);

    const tableName = props.data.table.tableName;
    const throttled = [
      ...['ReadThrottleEvents', 'WriteThrottleEvents'].map((metricName) => ({ name: `Table${metricName}`, metric: new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: tableName }, period: FIVE_MINUTES, statistic: 'Sum', label: `table ${metricName}` }) })),
      ...tableDefinition.indexes.flatMap((index) =>
        ['ReadThrottleEvents', 'WriteThrottleEvents'].map((metricName) => ({
          name: `${index.name}${metricName}`,
          metric: new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: tableName, GlobalSecondaryIndexName: index.name }, period: FIVE_MINUTES, statistic: 'Sum', label: `${index.name} ${metricName}` }),
        })),
      ),
    ];
    for (const t of throttled) alarm(t.name, t.metric, 1, `DynamoDB throttled ${t.name}: a hot partition, or on-demand scaling outpaced.`);

    // The sweeper logs what it left pending each minute; entries still pending for 15 sweeps in a row
    // are outbox work more than 15 minutes late.
    const pendingFilter = new MetricFilter(this, 'OutboxPending', {
      logGroup: props.sweeper.logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', 'Outbox swept'),
      metricNamespace: 'Rapport',
      metricName: 'OutboxPendingAfterSweep',
      metricValue: '$.pending',
      defaultValue: 0,
    });
    const outboxPending = pendingFilter.metric({ period: Duration.minutes(1), statistic: 'Minimum', label: 'outbox entries pending after a sweep' });
    alarm('OutboxStuck', outboxPending, 1, 'Outbox entries (emails, schedules) have been failing for 15 minutes: see the sweeper log for lastError.', 15);

    // An entry that used up its attempts is set aside as `failed`; either relay may be the one.
    for (const [name, fn] of [['Relay', props.relay], ['Sweeper', props.sweeper]] as const) {
      new MetricFilter(this, `OutboxFailed${name}`, {
        logGroup: fn.logGroup,
        filterPattern: FilterPattern.stringValue('$.message', '=', 'Outbox entry failed'),
        metricNamespace: 'Rapport',
        metricName: 'OutboxEntriesFailed',
        metricValue: '1',
        defaultValue: 0,
      });
    }
    const outboxFailed = new Metric({ namespace: 'Rapport', metricName: 'OutboxEntriesFailed', period: Duration.minutes(5), statistic: 'Sum', label: 'outbox entries failed' });
    alarm('OutboxFailed', outboxFailed, 1, 'An outbox entry used up its attempts and is set aside: `npm run outbox:failed` lists them, `-- --retry-all` retries.');

    const bounceRate = new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', period: Duration.hours(1), statistic: 'Maximum', label: 'SES bounce rate' });
    const complaintRate = new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', period: Duration.hours(1), statistic: 'Maximum', label: 'SES complaint rate' });
    // SES reviews an account at 5% bounces or 0.1% complaints; these fire at half of that.
    alarm('SesBounceRate', bounceRate, 0.025, 'SES bounce rate above 2.5% (SES reviews accounts at 5%).');
    alarm('SesComplaintRate', complaintRate, 0.0005, 'SES complaint rate above 0.05% (SES reviews accounts at 0.1%).');

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${Stack.of(this).stackName}-operations`, defaultInterval: Duration.hours(24) });
    const graph = (title: string, left: IMetric[], width = 8) => new GraphWidget({ title, left, width, height: 6 });
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }));
    this.dashboard.addWidgets(
      graph('API requests and 5xx', [requests, serverErrors]),
      graph('API 5xx % and latency p99', [errorRate, latency]),
      graph('Failure queues (messages waiting)', queueDepths),
    );
    this.dashboard.addWidgets(graph('Lambda errors', errors), graph('Lambda throttles', throttles), graph('Relay iterator age and outbox pending', [iteratorAge, outboxPending]));
    this.dashboard.addWidgets(graph('DynamoDB throttle events (table and index)', throttled.map((t) => t.metric), 12), graph('SES bounce and complaint rates', [bounceRate, complaintRate], 12));
  }
}
