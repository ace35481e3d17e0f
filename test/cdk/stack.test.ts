import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/app';
import { apiFunctions, routes } from '../../shared/http/routes';
import { scheduledFunctions } from '../../shared/runtime/scheduled-functions';
import { tableDefinition } from '../../shared/data/table-definition';

const context = {
  // Bundling is covered by the bundle test; here only the infrastructure is asserted.
  'aws:cdk:bundling-stacks': [],
  'rapport:senderEmail': 'sessions@coach.example',
  'rapport:appUrl': 'https://app.coach.example',
  'rapport:corsOrigins': ['https://app.coach.example', 'https://admin.coach.example'],
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
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'sessions@coach.example' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SENDER_EMAIL: 'sessions@coach.example', APP_URL: 'https://app.coach.example' }) },
    });
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
    for (const target of ['reminder', 'noShow', 'rescheduleExpiry', 'outboxSweeper']) {
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

  it('feeds new outbox entries from the table stream to the relay, and sweeps every minute', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('outbox') }] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)', FlexibleTimeWindow: { Mode: 'OFF' } });
  });

  it('gives the API functions no Scheduler or SES rights: their follow-up work goes through the outbox', () => {
    const apiPolicies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('Api'));
    expect(apiPolicies.length).toBeGreaterThan(5);
    const actions = apiPolicies.flatMap(([, p]: any) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [].concat(s.Action)));
    expect(actions.filter((a: string) => a.startsWith('scheduler:') || a.startsWith('ses:') || a === 'iam:PassRole')).toEqual([]);
  });
});
