import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Clock } from '../../runtime/clock';
import { PermanentMailError, type EmailMessage, type Mailer } from './mailer';
import { buildMime } from './mime';

/**
 * Sends through SES API v2 as raw MIME (see mime.ts for why raw). The envelope's recipients are
 * given explicitly, so SES never has to read them from the headers.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
    private readonly clock: Clock,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const raw = buildMime(message, { fromAddress: this.fromAddress, date: this.clock.now() });
    try {
      await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.fromAddress,
          Destination: { ToAddresses: message.to },
          Content: { Raw: { Data: Buffer.from(raw, 'utf8') } },
        }),
      );
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      // SES refuses some messages for good (bad address, rejected content): retrying would not help.
      if (['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException'].includes(name)) {
        throw new PermanentMailError(`${name}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}
