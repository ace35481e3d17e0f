import { Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, type IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RapportFunction } from './rapport-function';

/**
 * What happens later and what leaves by email: the EventBridge Scheduler group that holds each
 * session's one-time schedules, the role Scheduler invokes the Lambdas with, the dead-letter queue
 * for deliveries that keep failing, the SES identity emails are sent from (created, or imported when
 * already verified), and the configuration set whose bounce and complaint events feed the app's
 * suppression list through an SNS topic.
 */
export class Automation extends Construct {
  readonly scheduleGroup: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly deadLetterQueue: Queue;
  readonly sender: IEmailIdentity;
  readonly senderEmail: string;
  readonly mail: ConfigurationSet;
  /** Bounce and complaint events of every email sent with the configuration set. */
  readonly mailFeedback: Topic;

  constructor(scope: Construct, id: string, props: { senderEmail: string; sesIdentity: string | null }) {
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

    this.senderEmail = props.senderEmail;
    this.mailFeedback = new Topic(this, 'MailFeedback', { displayName: 'Rapport: SES bounces and complaints', enforceSSL: true });
    this.mail = new ConfigurationSet(this, 'Mail', { reputationMetrics: true });
    this.mail.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.mailFeedback),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // An identity created here uses the configuration set by default, so every send reports its
    // bounces without the mailer naming the set. An imported one: see the README (Deploy).
    this.sender = props.sesIdentity
      ? EmailIdentity.fromEmailIdentityName(this, 'Sender', props.sesIdentity)
      : new EmailIdentity(this, 'Sender', { identity: Identity.email(props.senderEmail), configurationSet: this.mail });
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

  /**
   * Lets a function send email, from the sender address only (`ses:FromAddress`). SES authorizes a
   * send against every identity it involves: out of the sandbox that is the sender's identity (and
   * the configuration set); in the sandbox the recipients' verified identities too — hence the
   * account's identities, not just the sender's, with the From address as the real limit.
   */
  allowSending(role: Role): void {
    const stack = Stack.of(this);
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.mail.configurationSetName }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.senderEmail } },
      }),
    );
    const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<AWS::${name}>` : value);
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${pseudo(stack.region, 'Region')}:${pseudo(stack.account, 'AccountId')}:identity/*]`,
      reason: 'In the SES sandbox a send is also authorized against each verified recipient identity; the ses:FromAddress condition limits sending to the sender address.',
    });
  }
}
