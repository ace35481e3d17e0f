import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Auth } from './auth';
import { Automation } from './automation';
import type { RapportConfig } from './config';
import { DataTable } from './data';
import { Workers } from './workers';
import { acknowledgeNagFindings } from './nag-acknowledgements';

/** Everything Rapport runs on, in one stack so no cross-stack export ever pins a resource. */
export class RapportStack extends Stack {
  readonly data: DataTable;
  readonly auth: Auth;
  readonly automation: Automation;
  readonly api: Api;
  readonly workers: Workers;

  constructor(scope: Construct, id: string, props: StackProps & { config: RapportConfig }) {
    super(scope, id, props);
    const { config } = props;

    this.data = new DataTable(this, 'Data');
    this.auth = new Auth(this, 'Auth');
    this.automation = new Automation(this, 'Automation', { senderEmail: config.senderEmail });

    const environment = {
      SENDER_EMAIL: config.senderEmail,
      APP_URL: config.appUrl,
      CALENDAR_FETCH_POLICY: 'public-https',
      SCHEDULE_GROUP: this.automation.scheduleGroup.scheduleGroupName,
      SCHEDULER_ROLE_ARN: this.automation.schedulerRole.roleArn,
      SCHEDULER_DLQ_ARN: this.automation.deadLetterQueue.queueArn,
    };
    this.workers = new Workers(this, 'Workers', { data: this.data, automation: this.automation, environment });
    this.api = new Api(this, 'Api', { config, data: this.data, auth: this.auth, automation: this.automation, environment });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });

    acknowledgeNagFindings(this);
  }
}
