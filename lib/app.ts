import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config';
import { RapportStack } from './rapport-stack';

/** The CDK app exactly as `cdk synth` builds it, cdk-nag included; the assertion tests build the same. */
export function createApp(props?: AppProps): { app: App; stack: RapportStack } {
  const app = new App(props);
  const stack = new RapportStack(app, 'Rapport', {
    config: readConfig(app),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'Rapport: one-to-one coaching backend',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
