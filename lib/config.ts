import type { Construct } from 'constructs';
import { reminderSpreadFor } from '../shared/domain/bookings/reminder-spread';

/** Deployment settings, from CDK context (`cdk.json` defaults, `-c key=value` overrides). */
export interface RapportConfig {
  /** The address Rapport's emails come from; SES must have it verified. */
  senderEmail: string;
  /**
   * An SES identity (the address, or its domain) already verified in the account, to import rather
   * than create: creating an identity that exists fails the first deploy. Null: the stack creates
   * the address's identity, and SES mails it a verification link.
   */
  sesIdentity: string | null;
  /** The frontend's base URL, for links in emails (invites). */
  appUrl: string;
  /** The API's public URL when it has a custom domain (join links point there); else API Gateway's own. */
  apiUrl?: string;
  corsOrigins: string[];
  /** An SNS topic for alarms; null: the stack creates one (output AlarmTopicArn). */
  alarmTopicArn: string | null;
  throttle: { rateLimit: number; burstLimit: number };
  /** Tighter limits for the routes that need no token. */
  publicThrottle: { rateLimit: number; burstLimit: number };
  /**
   * The feed route, polled by every coach's calendar apps: each feed token is limited in the app
   * (HTTP APIs cannot throttle per key), so API Gateway only caps everyone's polling together.
   */
  pollingThrottle: { rateLimit: number; burstLimit: number };
  /** The account's SES maximum send rate, emails per second (SES starts production accounts at 14; the sandbox at 1). */
  sesMaxSendRate: number;
  /**
   * How many minutes before its due time each reminder may fire, spread by its id so a top-of-hour
   * burst stays under `sesMaxSendRate`. Default: what the burst of 10,000 coaches needs at that rate.
   */
  reminderSpreadMinutes: number;
}

export function readConfig(scope: Construct): RapportConfig {
  const get = (key: string): unknown => scope.node.tryGetContext(`rapport:${key}`);
  const parse = (key: string): unknown => {
    const value = get(key);
    // `-c key=value` on the command line always arrives as a string.
    if (typeof value === 'string' && /^[[{]/.test(value.trim())) return JSON.parse(value) as unknown;
    return value;
  };
  const senderEmail = String(get('senderEmail') ?? '');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(senderEmail)) throw new Error('Context rapport:senderEmail must be an email address.');
  const appUrl = String(get('appUrl') ?? '');
  if (!/^https?:\/\//.test(appUrl)) throw new Error('Context rapport:appUrl must be the frontend URL, e.g. https://app.example.com');
  const placeholders = [
    isPlaceholderDomain(senderEmail.split('@')[1] ?? '') ? `rapport:senderEmail=${senderEmail}` : null,
    isPlaceholderDomain(new URL(appUrl).hostname) ? `rapport:appUrl=${appUrl}` : null,
  ].filter(Boolean);
  if (placeholders.length > 0) {
    // Deployed like this, SES would refuse every email (or send links nobody can open), silently.
    throw new Error(
      `Context ${placeholders.join(' and ')} is a placeholder (reserved example/test domain): Rapport would deploy and lose every email. ` +
        'Pass your own, e.g. -c rapport:senderEmail=sessions@yourpractice.com -c rapport:appUrl=https://app.yourpractice.com ' +
        "(and -c rapport:sesIdentity=yourpractice.com if that domain or address is already verified in SES).",
    );
  }
  const identity = get('sesIdentity');
  const sesIdentity = typeof identity === 'string' && identity.trim() !== '' ? identity.trim().toLowerCase() : null;
  if (sesIdentity && !coversSender(sesIdentity, senderEmail)) {
    throw new Error(`Context rapport:sesIdentity=${sesIdentity} does not cover rapport:senderEmail=${senderEmail}: give the address itself or its domain.`);
  }
  const sesMaxSendRate = get('sesMaxSendRate') === undefined ? 14 : positiveNumber('sesMaxSendRate', get('sesMaxSendRate'));
  const origins = parse('corsOrigins');
  const corsOrigins = Array.isArray(origins) ? origins.map(String) : String(origins ?? '').split(',').filter(Boolean);
  if (corsOrigins.length === 0) throw new Error('Context rapport:corsOrigins needs at least one origin.');
  return {
    senderEmail,
    sesIdentity,
    appUrl: appUrl.replace(/\/$/, ''),
    ...(get('apiUrl') ? { apiUrl: String(get('apiUrl')).replace(/\/$/, '') } : {}),
    corsOrigins,
    alarmTopicArn: typeof get('alarmTopicArn') === 'string' && String(get('alarmTopicArn')).startsWith('arn:') ? String(get('alarmTopicArn')) : null,
    throttle: limits(parse('throttle'), { rateLimit: 50, burstLimit: 100 }),
    publicThrottle: limits(parse('publicThrottle'), { rateLimit: 5, burstLimit: 10 }),
    pollingThrottle: limits(parse('pollingThrottle'), { rateLimit: 200, burstLimit: 400 }),
    sesMaxSendRate,
    reminderSpreadMinutes: get('reminderSpreadMinutes') === undefined ? reminderSpreadFor(sesMaxSendRate) : positiveNumber('reminderSpreadMinutes', get('reminderSpreadMinutes')),
  };
}

function positiveNumber(key: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Context rapport:${key} must be a positive number, not ${String(value)}.`);
  return n;
}

function limits(value: unknown, fallback: { rateLimit: number; burstLimit: number }) {
  const v = (value ?? {}) as Partial<{ rateLimit: number; burstLimit: number }>;
  return { rateLimit: Number(v.rateLimit ?? fallback.rateLimit), burstLimit: Number(v.burstLimit ?? fallback.burstLimit) };
}

/** RFC 2606 / 6761 names: they exist to be examples and never deliver mail. */
function isPlaceholderDomain(host: string): boolean {
  const h = host.toLowerCase();
  return /(^|\.)example\.(com|net|org)$/.test(h) || /\.(example|test|invalid|localhost)$/.test(h) || h === 'localhost';
}

/** An email identity covers its own address; a domain identity covers addresses at it. */
function coversSender(identity: string, senderEmail: string): boolean {
  const sender = senderEmail.toLowerCase();
  return identity.includes('@') ? identity === sender : sender.endsWith(`@${identity}`);
}
