import type { DomainEvent } from '../../domain/events/domain-event';

/** What one delivery attempt came to, as the delivery log shows it. */
export interface AttemptResult {
  ok: boolean;
  /** The receiver's HTTP status; null when no answer came (refused, timed out, blocked). */
  statusCode: number | null;
  /** Why it failed, in words; null on success. */
  error: string | null;
  durationMs: number;
}

/** Posts a signed event to a receiver. Never throws: every outcome is an `AttemptResult`. */
export interface WebhookSender {
  post(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult>;
}

/** The event bus AWS-native consumers subscribe to (EventBridge). */
export interface EventBus {
  /** Throws when the bus did not take the event, so the outbox tries again. */
  publish(event: DomainEvent): Promise<void>;
}
