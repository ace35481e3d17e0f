import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { PermanentMailError, type EmailMessage, type Mailer } from './mailer';

/** Sends through SES API v2 with simple content; calendar invites travel as attachments. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const from = message.fromName ? `"${message.fromName.replace(/["\\\r\n]/g, '')}" <${this.fromAddress}>` : this.fromAddress;
    try {
      await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: message.to },
          ReplyToAddresses: message.replyTo,
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
              Attachments: message.attachments?.map((a) => ({
                FileName: a.filename,
                ContentType: a.contentType,
                ContentDisposition: 'ATTACHMENT',
                ContentTransferEncoding: 'BASE64',
                RawContent: Buffer.from(a.content, 'utf8'),
              })),
            },
          },
        }),
      );
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      // SES refuses some messages for good (bad address, rejected content): retrying would not help.
      if (['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException'].includes(name)) {
        throw new PermanentMailError(`${name}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}
