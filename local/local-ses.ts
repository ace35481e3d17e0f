import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { simpleParser, type AddressObject } from 'mailparser';
import type { Clock } from '../shared/runtime/clock';
import { formatInstant } from '../shared/domain/time/instant';
import { awsError, awsJson, type WireRequest, type WireResponse } from './aws-wire';

export interface OutboxEmail {
  id: string;
  /** The From header as sent (RFC 2047 encoded-words for non-ASCII names). */
  from: string;
  /** The From display name, decoded. */
  fromName: string;
  to: string[];
  replyTo: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
  sentAt: string;
  /** The raw MIME message exactly as SES received it. */
  raw: string;
}

interface SendEmailBody {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Content?: { Raw?: { Data?: string }; Simple?: unknown };
}

/**
 * A local SES (API v2) that keeps every message instead of delivering it: the app's real SES
 * adapter talks to it over HTTP. It takes raw MIME (what the app sends) and refuses what SES
 * refuses: non-ASCII header bytes, lines over 1000 characters, no From. It can be told to fail,
 * to prove nothing is lost when SES is down, and to hold an account's maximum send rate.
 */
export class LocalSes {
  private readonly messages: OutboxEmail[] = [];
  failing = false;
  /** Emails per (real) second it accepts (see `limitRate`); null: no limit. */
  private maxSendRate: number | null = null;
  /** Sends refused for the rate since it was set. */
  throttled = 0;
  /** When each email was accepted (ms, real time): the rate is checked over these. */
  private readonly acceptedAt: number[] = [];

  constructor(private readonly clock: Clock) {}

  async handle(request: WireRequest): Promise<WireResponse> {
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
    const data = body.Content?.Raw?.Data;
    if (!data) return awsError(400, 'BadRequestException', 'The local SES takes Raw content only (the app sends raw MIME).');
    const raw = Buffer.from(data, 'base64').toString('utf8');
    const refusal = refusalOf(raw);
    if (refusal) return awsError(400, 'MessageRejected', refusal);

    const parsed = await simpleParser(raw);
    const headerTo = addresses(parsed.to);
    const envelope = [...(body.Destination?.ToAddresses ?? []), ...(body.Destination?.CcAddresses ?? []), ...(body.Destination?.BccAddresses ?? [])];
    const to = (envelope.length ? envelope : headerTo).map((a) => a.toLowerCase());
    if (to.length === 0) return awsError(400, 'BadRequestException', 'No recipient.');
    if (this.overRate()) {
      this.throttled++;
      return awsError(429, 'TooManyRequestsException', 'Maximum sending rate exceeded.');
    }
    this.acceptedAt.push(performance.now());
    const email: OutboxEmail = {
      id: randomUUID(),
      from: /^From: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r\n/g, '') ?? '',
      fromName: parsed.from?.value[0]?.name ?? '',
      to,
      replyTo: addresses(parsed.replyTo),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      attachments: parsed.attachments.map((a) => {
        const params = (a.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params;
        const method = (a as { method?: string }).method ?? params?.method;
        const contentType = a.contentType === 'text/calendar' && method ? `text/calendar; charset=utf-8; method=${method.toUpperCase()}` : a.contentType;
        return {
          filename: a.filename ?? (a.contentType === 'text/calendar' ? 'invite.ics' : 'attachment'),
          contentType,
          content: /^(text\/|application\/ics)/.test(a.contentType) ? a.content.toString('utf8') : a.content.toString('base64'),
        };
      }),
      sentAt: formatInstant(this.clock.now()),
      raw,
    };
    this.messages.push(email);
    return awsJson(200, { MessageId: email.id });
  }

  /**
   * Holds the local SES to an account's maximum send rate: more emails in any (real) second are
   * refused with SES's throttling error. Starts the count afresh; null lifts the limit.
   */
  limitRate(emailsPerSecond: number | null): void {
    this.maxSendRate = emailsPerSecond;
    this.acceptedAt.length = 0;
    this.throttled = 0;
  }

  /** The most emails accepted within any one second since the rate was last set. */
  peakPerSecond(): number {
    let peak = 0;
    for (let i = 0, j = 0; j < this.acceptedAt.length; j++) {
      while (this.acceptedAt[j]! - this.acceptedAt[i]! >= 1000) i++;
      peak = Math.max(peak, j - i + 1);
    }
    return peak;
  }

  private overRate(): boolean {
    if (this.maxSendRate === null) return false;
    const since = performance.now() - 1000;
    return this.acceptedAt.filter((t) => t > since).length >= this.maxSendRate;
  }

  /** Oldest first; only those sent to `to` when given. */
  outbox(to?: string): OutboxEmail[] {
    const wanted = to?.trim().toLowerCase();
    return wanted ? this.messages.filter((m) => m.to.includes(wanted)) : [...this.messages];
  }
}

/** What SES itself would refuse in a raw message (see the SES v2 RawMessage rules). */
function refusalOf(raw: string): string | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return 'A raw message needs headers and a body separated by a blank line.';
  const headers = raw.slice(0, split);
  if (/[^\x00-\x7f]/.test(headers)) return 'Header fields must be 7-bit ASCII; encode non-ASCII text as RFC 2047 encoded-words.';
  if (!/^From: /m.test(headers)) return 'The message has no From header.';
  if (raw.split('\r\n').some((line) => line.length > 998)) return 'A line of the message is longer than 1000 characters.';
  if (/(^|[^\r])\n/.test(raw)) return 'Lines must end with CRLF.';
  return null;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value.map((v) => v.address ?? '')).filter(Boolean);
