import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../adapters/mail/ses-mailer';
import { EventBridgeSessionScheduler } from '../adapters/scheduler/session-scheduler';
import type { RelayDeps } from '../use-cases/outbox/relay';
import { config } from './config';
import { suppressingMailer } from '../use-cases/mail-feedback/suppressing-mailer';
import { clock, outboxRepository, suppressionRepository } from './deps';

/** The composition root for the relays: the functions that send mail and manage schedules. */
let sesClient: SESv2Client | undefined;
let schedulerClient: SchedulerClient | undefined;

/** The one check in the mail path: suppressed addresses are left out before SES is called. */
export const mailer = () => suppressingMailer(new SesMailer((sesClient ??= new SESv2Client({})), config.senderEmail()), suppressionRepository());

export const sessionScheduler = () =>
  new EventBridgeSessionScheduler((schedulerClient ??= new SchedulerClient({})), {
    groupName: config.scheduleGroup(),
    roleArn: config.schedulerRoleArn(),
    deadLetterArn: config.schedulerDeadLetterArn(),
    targets: { reminder: config.targetArn('reminder'), noShow: config.targetArn('noShow'), rescheduleExpiry: config.targetArn('rescheduleExpiry') },
  });

/** What the relays need to carry out outbox entries. */
export const relayDeps = (): RelayDeps => ({ outbox: outboxRepository(), mailer: mailer(), scheduler: sessionScheduler(), clock: clock() });
