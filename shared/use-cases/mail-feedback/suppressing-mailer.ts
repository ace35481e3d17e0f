import type { EmailMessage, Mailer } from '../../adapters/mail/mailer';
import type { SuppressionRepository } from '../../data/suppression-repository';
import { log } from '../../runtime/log';

/**
 * Any mailer, minus the suppressed addresses: before each send one read asks which recipients
 * bounced for good or complained; they are left out, and an email left with nobody is not sent
 * (which counts as done — it must not be retried).
 */
export function suppressingMailer(inner: Mailer, suppressions: Pick<SuppressionRepository, 'suppressed'>): Mailer {
  return {
    async send(message: EmailMessage) {
      const suppressed = await suppressions.suppressed(message.to);
      if (suppressed.size === 0) return inner.send(message);
      const to = message.to.filter((address) => !suppressed.has(address.trim().toLowerCase()));
      log.info('Suppressed recipients left out', { suppressed: [...suppressed.keys()], remaining: to.length });
      if (to.length > 0) await inner.send({ ...message, to });
    },
  };
}
