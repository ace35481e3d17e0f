import { Validations } from 'aws-cdk-lib';
import type { RapportStack } from './rapport-stack';

/**
 * The AwsSolutions findings Rapport accepts, each with its reason. Public routes acknowledge
 * APIG4 where they are created (lib/api.ts), with the reason the route table gives.
 */
export function acknowledgeNagFindings(stack: RapportStack): void {
  const users = stack.auth.userPool;
  Validations.of(users).acknowledge({
    id: 'AwsSolutions::AwsSolutions-COG8',
    reason:
      'Essentials feature plan: the Plus plan (threat protection) is billed per active user; sign-in is guarded by verified email, a 12-character mixed password policy and optional TOTP. Revisit with scale.',
  });
  Validations.of(users).acknowledge({
    id: 'AwsSolutions::AwsSolutions-COG2',
    reason:
      'MFA is offered (TOTP) but not required: clients sign in rarely, often once per session, and requiring an authenticator app would lock many out of their own coaching space.',
  });
  Validations.of(stack.automation.deadLetterQueue).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason: 'This queue is itself the dead-letter queue of the session schedules; a dead-letter queue for it would add nothing.',
  });
  for (const fn of [...Object.values(stack.api.functions), ...Object.values(stack.workers.functions)]) {
    Validations.of(fn.fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'The design pins nodejs22.x (supported by Lambda into 2027); moving to a newer runtime is a deliberate upgrade with its own full test run, not a silent default.',
    });
  }
}
