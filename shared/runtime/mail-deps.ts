import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../adapters/mail/ses-mailer';
import type { RelayDeps } from '../use-cases/outbox/relay';
import { config } from './config';
import { clock, outboxRepository } from './deps';

/** The composition root, email side: for the functions that send mail. */
let sesClient: SESv2Client | undefined;

export const mailer = () => new SesMailer((sesClient ??= new SESv2Client({})), config.senderEmail());

/** What the relays need to carry out outbox entries. */
export const relayDeps = (): RelayDeps => ({ outbox: outboxRepository(), mailer: mailer(), clock: clock() });
