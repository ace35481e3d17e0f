import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/runtime/clock';
import { formatInstant } from '../shared/domain/time/instant';
import { awsError, awsJson, type WireRequest, type WireResponse } from './aws-wire';

export interface OutboxEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
  sentAt: string;
}

interface SendEmailBody {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Content?: {
    Simple?: {
      Subject?: { Data?: string };
      Body?: { Text?: { Data?: string }; Html?: { Data?: string } };
      Attachments?: { FileName?: string; ContentType?: string; RawContent?: string }[];
    };
  };
}

/**
 * A local SES (API v2) that keeps every message instead of delivering it: the app's real SES
 * adapter talks to it over HTTP. It can be told to fail, to prove nothing is lost when SES is down.
 */
export class LocalSes {
  private readonly messages: OutboxEmail[] = [];
  failing = false;

  constructor(private readonly clock: Clock) {}

  handle(request: WireRequest): WireResponse {
    if (request.method !== 'POST' || request.path !== '/v2/email/outbound-emails') {
      return awsError(404, 'NotFoundException', `The local SES does not serve ${request.method} ${request.path}`);
    }
    if (this.failing) return awsError(503, 'ServiceUnavailableException', 'Local SES is failing on purpose.');
    let body: SendEmailBody;
    try {
      body = JSON.parse(request.body) as SendEmailBody;
    } catch {
      return awsError(400, 'BadRequestException', 'Body is not JSON');
    }
    const simple = body.Content?.Simple;
    const to = [...(body.Destination?.ToAddresses ?? []), ...(body.Destination?.CcAddresses ?? []), ...(body.Destination?.BccAddresses ?? [])];
    if (!simple || !body.FromEmailAddress || to.length === 0) {
      return awsError(400, 'BadRequestException', 'The local SES needs FromEmailAddress, a destination and Simple content.');
    }
    const email: OutboxEmail = {
      id: randomUUID(),
      from: body.FromEmailAddress,
      to: to.map((address) => address.toLowerCase()),
      subject: simple.Subject?.Data ?? '',
      text: simple.Body?.Text?.Data ?? '',
      html: simple.Body?.Html?.Data ?? '',
      attachments: (simple.Attachments ?? []).map((a) => {
        const contentType = a.ContentType ?? 'application/octet-stream';
        const raw = Buffer.from(a.RawContent ?? '', 'base64');
        return { filename: a.FileName ?? 'attachment', contentType, content: contentType.startsWith('text/') ? raw.toString('utf8') : raw.toString('base64') };
      }),
      sentAt: formatInstant(this.clock.now()),
    };
    this.messages.push(email);
    return awsJson(200, { MessageId: email.id });
  }

  /** Oldest first; only those sent to `to` when given. */
  outbox(to?: string): OutboxEmail[] {
    const wanted = to?.trim().toLowerCase();
    return wanted ? this.messages.filter((m) => m.to.includes(wanted)) : [...this.messages];
  }
}
