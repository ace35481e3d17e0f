import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/app';
import { apiFunctions, routes } from '../../shared/http/routes';
import { scheduledFunctions } from '../../shared/runtime/scheduled-functions';
import { tableDefinition } from '../../shared/data/table-definition';

const context = {
  // Bundling is covered by the bundle test; here only the infrastructure is asserted.
  'aws:cdk:bundling-stacks': [],
  'rapport:senderEmail': 'sessions@northwind-coaching.com',
  'rapport:appUrl': 'https://app.northwind-coaching.com',
  'rapport:corsOrigins': ['https://app.northwind-coaching.com', 'https://admin.northwind-coaching.com'],
};

let template: Template;

beforeAll(() => {
  const { app, stack } = createApp({ context });
  // cdk-nag runs as a validation plugin: synth throws when any finding is not acknowledged.
  app.synth();
  template = Template.fromStack(stack);
});

const resourcesOf = (type: string) => Object.values(template.findResources(type)) as { Properties: any; DeletionPolicy?: string }[];

describe('the data table', () => {
  it('is one on-demand table with pk/sk, the named GSI, TTL and point-in-time recovery, kept on stack deletion', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableDefinition.indexes.map((index) =>
          Match.objectLike({ IndexName: index.name, KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }] }),
        ),
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
      }),
    });
  });

  it('lists outbox entries through their own keys-only index, leaving byCollection whole items for the lists the API reads', () => {
    const [table] = resourcesOf('AWS::DynamoDB::GlobalTable');
    const indexes = table?.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(indexes.find((index) => index.IndexName === 'byOutbox')).toEqual({
      IndexName: 'byOutbox',
      KeySchema: [
        { AttributeName: 'gsi2pk', KeyType: 'HASH' },
        { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(indexes.find((index) => index.IndexName === 'byCollection')?.Projection).toEqual({ ProjectionType: 'ALL' });
  });
});

describe('Cognito', () => {
  it('signs users in by verified email, lets them sign up, and demands strong passwords', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
    });
  });

  it('sends its emails through SES from the sender, and keeps the old address until a new one is verified', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({
        EmailSendingAccount: 'DEVELOPER',
        From: 'Rapport <sessions@northwind-coaching.com>',
        ConfigurationSet: { Ref: Match.stringLikeRegexp('AutomationMail') },
      }),
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    });
  });

  it('has an app client without a secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
  });
});

describe('the HTTP API', () => {
  it('has exactly the routes of the route table, each behind the JWT authorizer unless public', () => {
    const created = resourcesOf('AWS::ApiGatewayV2::Route').map((r) => r.Properties);
    expect(created.map((r) => r.RouteKey).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routes) {
      const cfn = created.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      const isPublic = 'public' in route && route.public === true;
      expect(cfn?.AuthorizationType, route.path).toBe(isPublic ? 'NONE' : 'JWT');
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: Match.objectLike({ Audience: [Match.anyValue()] }),
    });
  });

  it('takes CORS origins from context', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: context['rapport:corsOrigins'], AllowHeaders: ['authorization', 'content-type'] }),
    });
  });

  it('throttles every public intro-call route with the public limits', () => {
    const settings = resourcesOf('AWS::ApiGatewayV2::Stage')[0]?.Properties.RouteSettings as Record<string, unknown>;
    const introCallRoutes = routes.filter((r) => 'public' in r && r.public && r.path.includes('intro-calls'));
    expect(introCallRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /intro-calls/by-token/{token}',
      'GET /orgs/{orgId}/intro-calls/availability',
      'POST /intro-calls/by-token/{token}/cancel',
      'POST /intro-calls/by-token/{token}/reschedule',
      'POST /orgs/{orgId}/intro-calls',
    ]);
    for (const route of introCallRoutes) {
      expect(settings[`${route.method} ${route.path}`], route.path).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    }
  });

  it("lets the feed route carry every coach's calendar polling (each feed is limited in the app) and keeps other public routes tight", () => {
    const settings = resourcesOf('AWS::ApiGatewayV2::Stage')[0]?.Properties.RouteSettings as Record<string, unknown>;
    const polled = routes.filter((r) => 'throttle' in r && r.throttle === 'polling').map((r) => `${r.method} ${r.path}`);
    expect(polled).toEqual(['GET /feeds/{feedToken}']);
    expect(settings['GET /feeds/{feedToken}']).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
    for (const route of routes.filter((r) => 'public' in r && r.public && !polled.includes(`${r.method} ${r.path}`))) {
      expect(settings[`${route.method} ${route.path}`], route.path).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    }
  });

  it('throttles the stage, throttles public routes harder, and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      RouteSettings: { 'GET /health': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('the Lambdas', () => {
  it('run Node.js 22 on arm64 with their own log group', () => {
    const functions = resourcesOf('AWS::Lambda::Function');
    expect(functions).toHaveLength(Object.keys(apiFunctions).length + Object.keys(scheduledFunctions).length);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
    }
  });

  it('have least-privilege policies: named actions, never a wildcard action or resource', () => {
    for (const policy of resourcesOf('AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        const actions = ([] as string[]).concat(statement.Action);
        for (const action of actions) expect(action).not.toMatch(/\*/);
        expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
        if (actions.some((a) => a.startsWith('dynamodb:'))) {
          expect(JSON.stringify(statement.Resource)).not.toContain('index/*');
        }
      }
    }
  });

  it('use no AWS managed policy', () => {
    for (const role of resourcesOf('AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('automation and email', () => {
  it('has a schedule group, a role Scheduler assumes, and a dead-letter queue it may write to', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' }, Condition: Match.anyValue() })],
      }),
    });
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
  });

  it('verifies the sender address from context as an SES identity, and hands it to the functions', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'sessions@northwind-coaching.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('AutomationMail') } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SENDER_EMAIL: 'sessions@northwind-coaching.com', APP_URL: 'https://app.northwind-coaching.com' }) },
    });
  });

  it('lets functions send only from the sender address, in and out of the SES sandbox', () => {
    const sending = resourcesOf('AWS::IAM::Policy')
      .flatMap((p) => p.Properties.PolicyDocument.Statement as any[])
      .filter((s) => [].concat(s.Action).includes('ses:SendEmail' as never));
    expect(sending.length).toBeGreaterThanOrEqual(2); // the stream relay and the sweeper
    for (const statement of sending) {
      expect(statement.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'sessions@northwind-coaching.com' } });
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/*'); // in the sandbox, recipients' identities are checked too
      expect(resources).toContain(':configuration-set/');
    }
  });

  it('reports bounces and complaints through a configuration set to the suppression function', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: Match.anyValue() } }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('WorkersmailFeedback'), 'Arn'] } });
  });

  it('imports an identity already verified in SES instead of creating it', () => {
    const imported = createApp({ context: { ...context, 'rapport:senderEmail': 'hello@northwind-coaching.com', 'rapport:sesIdentity': 'northwind-coaching.com' } });
    imported.app.synth();
    const t = Template.fromStack(imported.stack);
    t.resourceCountIs('AWS::SES::EmailIdentity', 0);
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', SourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':identity/northwind-coaching.com')])] }) }),
    });
  });

  it('refuses to synthesize with the example.com placeholders, or an identity that does not cover the sender', () => {
    const defaults = { 'rapport:senderEmail': 'no-reply@example.com', 'rapport:appUrl': 'https://app.example.com', 'rapport:corsOrigins': ['https://app.example.com'] };
    expect(() => createApp({ context: { ...context, ...defaults } })).toThrow(/rapport:senderEmail=no-reply@example.com and rapport:appUrl=https:\/\/app.example.com is a placeholder.*would deploy and lose every email/);
    expect(() => createApp({ context: { ...context, 'rapport:sesIdentity': 'other-domain.com' } })).toThrow(/does not cover rapport:senderEmail/);
  });
});

describe('the session automation', () => {
  const functionsByEntry = () =>
    Object.entries(template.findResources('AWS::Lambda::Function')).map(([id, r]) => ({ id, props: (r as { Properties: any }).Properties }));

  it('lets the Scheduler role invoke exactly the three schedule targets', () => {
    const invokable = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p: any) => JSON.stringify(p.Properties.Roles).includes('SchedulerRole'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => [].concat(s.Action).includes('lambda:InvokeFunction' as never))
      .flatMap((s: any) => [].concat(s.Resource))
      .map((r: any) => JSON.stringify(r));
    for (const target of ['reminder', 'noShow', 'rescheduleExpiry', 'outboxSweeper', 'calendarRefresh']) {
      expect(invokable.some((r) => r.includes(`Workers${target}`)), target).toBe(true);
    }
    expect(invokable.some((r) => r.includes('Api'))).toBe(false);
  });

  it('tells the functions that make schedules where the targets, the role and the dead-letter queue are', () => {
    const relays = functionsByEntry().filter((f) => f.props.Environment?.Variables?.REMINDER_FUNCTION_ARN);
    expect(relays).toHaveLength(2); // the stream relay and the sweeper
    for (const relay of relays) {
      expect(Object.keys(relay.props.Environment.Variables)).toEqual(
        expect.arrayContaining(['NO_SHOW_FUNCTION_ARN', 'RESCHEDULE_EXPIRY_FUNCTION_ARN', 'SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'SCHEDULER_DLQ_ARN']),
      );
    }
  });

  it('spreads reminders over the minutes SES needs at its send rate: 9 at the default 14 a second, or as configured', () => {
    const relays = functionsByEntry().filter((f) => f.props.Environment?.Variables?.REMINDER_FUNCTION_ARN);
    for (const relay of relays) expect(relay.props.Environment.Variables.REMINDER_SPREAD_MINUTES).toBe('9');
    const spreadAt = (extra: Record<string, unknown>) => {
      const { stack } = createApp({ context: { ...context, ...extra } });
      const fns = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')) as { Properties: any }[];
      return new Set(fns.map((f) => f.Properties.Environment?.Variables?.REMINDER_SPREAD_MINUTES).filter(Boolean));
    };
    expect(spreadAt({ 'rapport:sesMaxSendRate': 50 })).toEqual(new Set(['3']));
    expect(() => spreadAt({ 'rapport:sesMaxSendRate': 0 })).toThrow(/sesMaxSendRate must be a positive number/);
  });

  it('feeds new outbox entries from the table stream to the relay, and sweeps every minute', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('outbox') }] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)', FlexibleTimeWindow: { Mode: 'OFF' } });
  });

  it('keeps every failed scheduled run: two retries, then the scheduled-run failure queue', () => {
    const queueId = (prefix: string) => Object.keys(template.findResources('AWS::SQS::Queue')).find((id) => id.startsWith(prefix)) ?? '';
    const runs = queueId('FailuresScheduledRunFailures');
    const configs = resourcesOf('AWS::Lambda::EventInvokeConfig').map((r) => r.Properties);
    const asyncFunctions = Object.entries(scheduledFunctions).filter(([, spec]) => spec.trigger !== 'outbox-stream');
    expect(configs).toHaveLength(asyncFunctions.length);
    for (const config of configs) {
      expect(config).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [runs, 'Arn'] } } } });
    }
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId('FailuresRelayStreamFailures'), 'Arn'] } } },
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
    });
    for (const kind of ['ScheduleDelivery', 'ScheduledRun', 'RelayStream']) {
      expect(Object.keys(template.findOutputs('*')).some((id) => id.includes(`${kind}QueueUrl`)), kind).toBe(true);
    }
  });

  it("reads coaches' calendars in the background: a function on its own one-minute schedule, with time to spare", () => {
    const refresh = functionsByEntry().find((f) => f.props.Description === scheduledFunctions.calendarRefresh.description);
    expect(refresh).toBeDefined();
    expect(refresh?.props.Timeout).toBeGreaterThanOrEqual(60);
    const schedules = resourcesOf('AWS::Scheduler::Schedule').filter((s) => s.Properties.ScheduleExpression === 'rate(1 minute)');
    const targets = schedules.map((s) => JSON.stringify(s.Properties.Target.Arn));
    expect(targets.some((arn) => arn.includes(String(refresh?.id)))).toBe(true);
    // It writes busy time and the sync status, and sends no email.
    expect(refresh?.props.Environment.Variables.CALENDAR_FETCH_POLICY).toBe('public-https');
  });

  it('never lets a deployed function deliver webhooks or fetch calendars into loopback or private space', () => {
    const functions = resourcesOf('AWS::Lambda::Function').filter((f) => f.Properties.Environment?.Variables?.TABLE_NAME);
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions) {
      expect(fn.Properties.Environment.Variables.WEBHOOK_DELIVERY_POLICY).toBe('public-https');
      expect(fn.Properties.Environment.Variables.CALENDAR_FETCH_POLICY).toBe('public-https');
    }
  });

  it('gives the API functions no Scheduler or SES rights: their follow-up work goes through the outbox', () => {
    const apiPolicies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('Api'));
    expect(apiPolicies.length).toBeGreaterThan(5);
    const actions = apiPolicies.flatMap(([, p]: any) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [].concat(s.Action)));
    expect(actions.filter((a: string) => a.startsWith('scheduler:') || a.startsWith('ses:') || a === 'iam:PassRole')).toEqual([]);
  });
});

describe('every failure visible', () => {
  const alarms = () => resourcesOf('AWS::CloudWatch::Alarm').map((a) => a.Properties);
  /** An alarm's metric, whether CloudFormation holds it flat or (labelled) as a one-metric query. */
  const metricOf = (a: any) => {
    const stat = a.Metrics?.find((m: any) => m.MetricStat)?.MetricStat;
    if (!stat) return { MetricName: a.MetricName, Namespace: a.Namespace, Dimensions: a.Dimensions ?? [], Stat: a.ExtendedStatistic ?? a.Statistic, Period: a.Period, EvaluationPeriods: a.EvaluationPeriods };
    return { ...stat.Metric, Dimensions: stat.Metric.Dimensions ?? [], Stat: stat.Stat, Period: stat.Period, EvaluationPeriods: a.EvaluationPeriods };
  };
  const named = (metricName: string) => alarms().map(metricOf).filter((m) => m.MetricName === metricName);

  it('alarms on each failure queue, each Lambda’s errors and throttles, relay lag, API 5xx and p99, DynamoDB throttles, stuck outbox work and SES rates', () => {
    const functionCount = Object.keys(apiFunctions).length + Object.keys(scheduledFunctions).length;
    expect(named('ApproximateNumberOfMessagesVisible')).toHaveLength(3);
    expect(named('Errors').filter((a) => a.Namespace === 'AWS/Lambda')).toHaveLength(functionCount);
    expect(named('Throttles')).toHaveLength(functionCount);
    expect(named('IteratorAge')).toHaveLength(1);
    expect(named('Latency')).toEqual([expect.objectContaining({ Stat: 'p99', Namespace: 'AWS/ApiGateway' })]);
    expect(alarms().filter((a) => JSON.stringify(a.Metrics ?? '').includes('5xx'))).toHaveLength(1);
    const throttleEvents = [...named('ReadThrottleEvents'), ...named('WriteThrottleEvents')];
    expect(throttleEvents).toHaveLength(2 * (1 + tableDefinition.indexes.length));
    expect(throttleEvents.filter((a) => a.Dimensions.some((d: any) => d.Name === 'GlobalSecondaryIndexName'))).toHaveLength(2 * tableDefinition.indexes.length);
    expect(named('OutboxPendingAfterSweep')).toEqual([expect.objectContaining({ EvaluationPeriods: 15, Period: 60 })]);
    expect(named('OutboxEntriesFailed')).toEqual([expect.objectContaining({ EvaluationPeriods: 1, Period: 300, Stat: 'Sum' })]);
    const failedFilters = Object.values(template.findResources('AWS::Logs::MetricFilter')).filter((f: any) => f.Properties.MetricTransformations[0].MetricName === 'OutboxEntriesFailed');
    expect(failedFilters.map((f: any) => f.Properties.FilterPattern)).toEqual(['{ $.message = "Outbox entry failed" }', '{ $.message = "Outbox entry failed" }']);
    expect(named('Reputation.BounceRate')).toHaveLength(1);
    expect(named('Reputation.ComplaintRate')).toHaveLength(1);
    const topic = Object.keys(template.findResources('AWS::SNS::Topic')).find((id) => id.startsWith('MonitoringAlarms'));
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
  });

  it('sends alarms to the topic given in context instead, when there is one', () => {
    const given = createApp({ context: { ...context, 'rapport:alarmTopicArn': 'arn:aws:sns:eu-west-1:111122223333:ops' } });
    given.app.synth();
    const t = Template.fromStack(given.stack);
    for (const alarm of Object.values(t.findResources('AWS::CloudWatch::Alarm')) as any[]) expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:111122223333:ops']);
  });

  it('has one dashboard with the same numbers, and keeps every invocation’s REPORT line', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    for (const fn of resourcesOf('AWS::Lambda::Function')) expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', SystemLogLevel: 'INFO' });
  });
});

describe('the event bus', () => {
  const busId = () => Object.keys(template.findResources('AWS::Events::EventBus'))[0] as string;
  const policies = () => Object.entries(template.findResources('AWS::IAM::Policy')) as [string, any][];
  const putsEvents = (statement: any) => [].concat(statement.Action).some((a: string) => a === 'events:PutEvents' || a === 'events:*' || a === '*');

  it('is one EventBus, named in an output', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    const outputs = template.findOutputs('EventBusName');
    expect(Object.values(outputs)[0]?.Value).toEqual({ Ref: busId() });
  });

  it('may be published to only by the outbox relay and sweeper, and only on that bus', () => {
    const publishers = policies().filter(([, p]) => p.Properties.PolicyDocument.Statement.some(putsEvents));
    const roles = publishers.flatMap(([, p]) => p.Properties.Roles.map((r: any) => JSON.stringify(r)));
    expect(roles).toHaveLength(2);
    expect(roles.some((r) => r.includes('WorkersoutboxRelay'))).toBe(true);
    expect(roles.some((r) => r.includes('WorkersoutboxSweeper'))).toBe(true);
    const resources = publishers.flatMap(([, p]) => p.Properties.PolicyDocument.Statement.filter(putsEvents)).flatMap((s: any) => [].concat(s.Resource));
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(resource).toEqual({ 'Fn::GetAtt': [busId(), 'Arn'] });
  });

  it('tells the functions that publish which bus, and no others', () => {
    const functions = Object.entries(template.findResources('AWS::Lambda::Function')) as [string, any][];
    const told = functions.filter(([, f]) => f.Properties.Environment?.Variables?.EVENT_BUS_NAME).map(([id]) => id);
    expect(told).toHaveLength(2);
    expect(told.every((id) => id.includes('outboxRelay') || id.includes('outboxSweeper'))).toBe(true);
    for (const [, f] of functions.filter(([id]) => told.includes(id))) expect(f.Properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: busId() });
  });
});
