import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../adapters/mail/ses-mailer';
import type { OutboxDeps } from '../use-cases/outbox/relay';
import { config } from './config';
import { clock, outboxRepository } from './deps';

/** The composition root, email side: for the functions that send mail. */
let sesClient: SESv2Client | undefined;

export const mailer = () => new SesMailer((sesClient ??= new SESv2Client({})), config.senderEmail());

/** What a write needs to record its emails in the outbox and send them after the commit. */
export const outboxDeps = (): OutboxDeps => ({ outbox: outboxRepository(), mailer: mailer(), clock: clock() });
