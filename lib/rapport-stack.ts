import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Auth } from './auth';
import { Automation } from './automation';
import type { RapportConfig } from './config';
import { DataTable } from './data';
import { FailureQueues } from './failure-queues';
import { Monitoring } from './monitoring';
import { Workers } from './workers';
import { acknowledgeNagFindings } from './nag-acknowledgements';

/** Everything Rapport runs on, in one stack so no cross-stack export ever pins a resource. */
export class RapportStack extends Stack {
  readonly data: DataTable;
  readonly auth: Auth;
  readonly automation: Automation;
  readonly api: Api;
  readonly workers: Workers;
  readonly failures: FailureQueues;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StackProps & { config: RapportConfig }) {
    super(scope, id, props);
    const { config } = props;

    this.data = new DataTable(this, 'Data');
    this.automation = new Automation(this, 'Automation', { senderEmail: config.senderEmail, sesIdentity: config.sesIdentity });

    const environment = {
      SENDER_EMAIL: config.senderEmail,
      APP_URL: config.appUrl,
      CALENDAR_FETCH_POLICY: 'public-https',
      SCHEDULE_GROUP: this.automation.scheduleGroup.scheduleGroupName,
      SCHEDULER_ROLE_ARN: this.automation.schedulerRole.roleArn,
      SCHEDULER_DLQ_ARN: this.automation.deadLetterQueue.queueArn,
    };
    this.auth = new Auth(this, 'Auth', { automation: this.automation, config });
    this.failures = new FailureQueues(this, 'Failures', { scheduleDelivery: this.automation.deadLetterQueue });
    this.workers = new Workers(this, 'Workers', { data: this.data, automation: this.automation, failures: this.failures, environment });
    this.api = new Api(this, 'Api', { config, data: this.data, auth: this.auth, automation: this.automation, environment });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      alarmTopicArn: config.alarmTopicArn,
      api: this.api,
      data: this.data,
      failureQueues: this.failures.queues,
      functions: { ...this.api.functions, ...this.workers.functions },
      relay: this.workers.functions.outboxRelay,
      sweeper: this.workers.functions.outboxSweeper,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'MailConfigurationSet', {
      value: this.automation.mail.configurationSetName,
      description: 'SES configuration set reporting bounces and complaints; make it the default of an imported identity.',
    });

    acknowledgeNagFindings(this);
  }
}
