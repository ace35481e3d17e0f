import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, unreachableReason } from '../calendar/guarded-lookup';
import type { FetchPolicy } from '../calendar/address-policy';
import type { AttemptResult, WebhookSender } from '../../use-cases/webhooks/webhook-ports';
import { webhookUrlProblem } from './webhook-address';

/** Receivers should answer at once and work later; Standard Webhooks suggests a short timeout. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Posts with the calendar fetches' guard: the URL's scheme and literal address are checked, every
 * address its host resolves to is checked at connect time, and redirects are not followed (a
 * redirect could lead into private space, and a receiver that moved should be updated instead).
 * One deadline covers connecting, sending and the answer; the answer's body is not read.
 */
export class HttpsWebhookSender implements WebhookSender {
  constructor(
    private readonly policy: FetchPolicy,
    private readonly timeoutMs = DELIVERY_TIMEOUT_MS,
  ) {}

  post(rawUrl: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const problem = webhookUrlProblem(rawUrl, this.policy);
    if (problem) return Promise.resolve({ ok: false, statusCode: null, error: problem, durationMs: 0 });
    const url = new URL(rawUrl);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<AttemptResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ ...result, durationMs: elapsed() });
      };
      const req = send(
        url,
        {
          method: 'POST',
          lookup: guardedLookup(this.policy),
          headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Rapport-Webhooks/1.0' },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          res.resume();
          if (status >= 200 && status < 300) return finish({ ok: true, statusCode: status, error: null });
          const why = status >= 300 && status < 400 ? 'the receiver redirected, and webhooks do not follow redirects' : `the receiver answered ${status}`;
          finish({ ok: false, statusCode: status, error: why });
        },
      );
      const timer = setTimeout(() => finish({ ok: false, statusCode: null, error: `no answer within ${this.timeoutMs / 1000} seconds` }), this.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, error: unreachableReason(error, 'receiver') }));
      req.end(body);
    });
  }
}
