import type { Construct } from 'constructs';

/** Deployment settings, from CDK context (`cdk.json` defaults, `-c key=value` overrides). */
export interface RapportConfig {
  /** The address Rapport's emails come from; SES must have it verified. */
  senderEmail: string;
  /** The frontend's base URL, for links in emails (invites). */
  appUrl: string;
  /** The API's public URL when it has a custom domain (join links point there); else API Gateway's own. */
  apiUrl?: string;
  corsOrigins: string[];
  throttle: { rateLimit: number; burstLimit: number };
  /** Tighter limits for the routes that need no token. */
  publicThrottle: { rateLimit: number; burstLimit: number };
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
  const origins = parse('corsOrigins');
  const corsOrigins = Array.isArray(origins) ? origins.map(String) : String(origins ?? '').split(',').filter(Boolean);
  if (corsOrigins.length === 0) throw new Error('Context rapport:corsOrigins needs at least one origin.');
  return {
    senderEmail,
    appUrl: appUrl.replace(/\/$/, ''),
    ...(get('apiUrl') ? { apiUrl: String(get('apiUrl')).replace(/\/$/, '') } : {}),
    corsOrigins,
    throttle: limits(parse('throttle'), { rateLimit: 50, burstLimit: 100 }),
    publicThrottle: limits(parse('publicThrottle'), { rateLimit: 5, burstLimit: 10 }),
  };
}

function limits(value: unknown, fallback: { rateLimit: number; burstLimit: number }) {
  const v = (value ?? {}) as Partial<{ rateLimit: number; burstLimit: number }>;
  return { rateLimit: Number(v.rateLimit ?? fallback.rateLimit), burstLimit: Number(v.burstLimit ?? fallback.burstLimit) };
}
