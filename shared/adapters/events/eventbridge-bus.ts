import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { eventBody, type DomainEvent } from '../../domain/events/domain-event';
import type { EventBus } from '../../use-cases/webhooks/webhook-ports';

/** Every event's `source` on the bus: what an EventBridge rule matches to take Rapport's events. */
export const EVENT_SOURCE = 'rapport';

/**
 * Puts each event on the stack's bus: `detail-type` the event type, `detail` the same JSON a webhook
 * receives (with the event's stable `id`, for consumers that drop duplicates). PutEvents answers
 * 200 even when it refuses an entry, so the entry's own error is checked and thrown.
 */
export class EventBridgeBus implements EventBus {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    const answer = await this.client.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: this.busName, Source: EVENT_SOURCE, DetailType: event.type, Detail: eventBody(event), Time: new Date(event.occurredAt) }],
      }),
    );
    const refused = answer.Entries?.find((entry) => entry.ErrorCode);
    if ((answer.FailedEntryCount ?? 0) > 0 || refused) {
      throw new Error(`EventBridge refused event ${event.id}: ${refused?.ErrorCode ?? 'unknown'} ${refused?.ErrorMessage ?? ''}`.trim());
    }
  }
}
