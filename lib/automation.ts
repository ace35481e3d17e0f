import { Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Effect, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RapportFunction } from './rapport-function';

/**
 * What happens later and what leaves by email: the EventBridge Scheduler group that holds each
 * session's one-time schedules, the role Scheduler invokes the Lambdas with, the dead-letter queue
 * for deliveries that keep failing, and the SES identity emails are sent from.
 */
export class Automation extends Construct {
  readonly scheduleGroup: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly deadLetterQueue: Queue;
  readonly sender: EmailIdentity;

  constructor(scope: Construct, id: string, props: { senderEmail: string }) {
    super(scope, id);
    const stack = Stack.of(this);

    // A literal name (not a generated one) keeps the schedule ARNs in IAM policies readable.
    this.scheduleGroup = new ScheduleGroup(this, 'Sessions', { scheduleGroupName: `${stack.stackName}-sessions`, removalPolicy: RemovalPolicy.DESTROY });

    this.deadLetterQueue = new Queue(this, 'ScheduleDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'EventBridge Scheduler invokes the session Lambdas with this role.',
    });
    this.deadLetterQueue.grantSendMessages(this.schedulerRole);

    this.sender = new EmailIdentity(this, 'Sender', { identity: Identity.email(props.senderEmail) });
  }

  /** Lets a function create, move and delete schedules in the sessions group, and hand them the role. */
  allowScheduling(fn: RapportFunction): void {
    const stack = Stack.of(this);
    const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<AWS::${name}>` : value);
    const groupName = `${stack.stackName}-sessions`;
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` })],
      }),
    );
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${pseudo(stack.region, 'Region')}:${pseudo(stack.account, 'AccountId')}:schedule/${groupName}/*]`,
      reason: "Each booking gets its own schedules, named after it at run time; the wildcard is limited to Rapport's own sessions group.",
    });
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }

  /**
   * Scheduler's Lambda target grants invoke on `<function ARN>:*` (its versions and aliases).
   * That wildcard names one function only; cdk-nag asks for each to be acknowledged.
   */
  acknowledgeInvokeGrant(fn: { fn: IFunction & Construct }): void {
    const logicalId = Stack.of(this).getLogicalId(fn.fn.node.defaultChild as CfnElement);
    Validations.of(this.schedulerRole).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: 'The wildcard covers the versions and aliases of this one function, which Scheduler invokes.',
    });
  }

  /** Lets a function send email from the sender identity only. */
  allowSending(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail'], resources: [this.sender.emailIdentityArn] }),
    );
  }
}
