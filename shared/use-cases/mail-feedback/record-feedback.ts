import * as z from 'zod/mini';
import type { SuppressionRepository } from '../../data/suppression-repository';
import { formatInstant } from '../../domain/time/instant';
import type { Clock } from '../../runtime/clock';

/** The parts of an SES event (configuration set → SNS) that decide a suppression. */
export const sesFeedbackEvent = z.object({
  eventType: z.string(),
  bounce: z.optional(z.object({ bounceType: z.string(), bounceSubType: z.optional(z.string()), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  complaint: z.optional(z.object({ complaintFeedbackType: z.optional(z.string()), complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
});
export type SesFeedbackEvent = z.output<typeof sesFeedbackEvent>;

export interface FeedbackDeps {
  suppressions: Pick<SuppressionRepository, 'suppress'>;
  clock: Clock;
}

/**
 * A permanent bounce or a complaint puts each address on the suppression list: Rapport sends it
 * nothing more (SES's reputation, and the person's wish, depend on it). A transient bounce (a full
 * mailbox, a server down) does not: SES has already retried it, and the next email may arrive.
 * Returns the addresses newly suppressed.
 */
export async function recordMailFeedback(deps: FeedbackDeps, event: SesFeedbackEvent): Promise<string[]> {
  const suppressedAt = formatInstant(deps.clock.now());
  const targets =
    event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent'
      ? event.bounce.bouncedRecipients.map((r) => ({ email: r.emailAddress, reason: 'bounce' as const, detail: event.bounce?.bounceSubType ?? null }))
      : event.eventType === 'Complaint' && event.complaint
        ? event.complaint.complainedRecipients.map((r) => ({ email: r.emailAddress, reason: 'complaint' as const, detail: event.complaint?.complaintFeedbackType ?? null }))
        : [];
  const added: string[] = [];
  for (const target of targets) {
    // SES writes addresses as they were given, possibly with a display name: keep the address.
    const email = (/<([^>]+)>/.exec(target.email)?.[1] ?? target.email).trim().toLowerCase();
    if (await deps.suppressions.suppress({ ...target, email, suppressedAt })) added.push(email);
  }
  return added;
}
