import type { SNSEvent } from 'aws-lambda';
import { log } from '../../shared/runtime/log';
import { clock, suppressionRepository } from '../../shared/runtime/deps';
import { recordMailFeedback, sesFeedbackEvent } from '../../shared/use-cases/mail-feedback/record-feedback';

/**
 * SES's bounce and complaint events, from the configuration set through SNS: a permanent bounce or
 * a complaint suppresses the address. A message that is not an SES event is logged and skipped.
 */
export const handler = async (event: SNSEvent): Promise<{ suppressed: number }> => {
  let suppressed = 0;
  for (const record of event.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.Sns.Message) as unknown;
    } catch {
      body = null;
    }
    const parsed = sesFeedbackEvent.safeParse(body);
    if (!parsed.success) {
      log.error('mail-feedback: not an SES event, skipped', { message: record.Sns.Message.slice(0, 500) });
      continue;
    }
    const added = await recordMailFeedback({ suppressions: suppressionRepository(), clock: clock() }, parsed.data);
    suppressed += added.length;
    if (added.length > 0) log.info('mail-feedback: addresses suppressed', { eventType: parsed.data.eventType, count: added.length });
  }
  return { suppressed };
};
