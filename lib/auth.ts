import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, UserPoolEmail, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { Automation } from './automation';
import type { RapportConfig } from './config';

/**
 * Cognito: coaches and clients sign themselves up with a verified email and a strong password.
 * Its emails (codes, password resets) leave through SES from Rapport's sender, not Cognito's own
 * mailer, whose small daily cap would stop sign-ups; a changed address becomes the account's
 * address only once its code is confirmed (keepOriginal), so an unverified address is never used.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: { automation: Automation; config: RapportConfig }) {
    super(scope, id);
    const identity = props.config.sesIdentity;
    this.userPool = new UserPool(this, 'Users', {
      email: UserPoolEmail.withSES({
        fromEmail: props.config.senderEmail,
        fromName: 'Rapport',
        sesRegion: Stack.of(this).region,
        ...(identity && !identity.includes('@') ? { sesVerifiedDomain: identity } : {}),
        configurationSetName: props.automation.mail.configurationSetName,
      }),
      keepOriginal: { email: true },
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('Web', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });
  }
}
