import { sortableId } from '../ids';
import { formatInstant } from '../time/instant';
import type { EventType } from './event-types';

/**
 * Something that happened in an org, as integrators receive it (webhooks, the EventBridge bus).
 * Events carry ids, times and states — never free text a person wrote (messages, answers, reasons,
 * review text, the coach's notes): an integration fetches those through the API with the coach's
 * token, under the same rules as everyone else.
 */
export interface DomainEvent {
  /** `evt_<ulid>`: stable across every retry and replay, so receivers can drop duplicates. */
  id: string;
  type: EventType;
  occurredAt: string;
  orgId: string;
  data: Record<string, unknown>;
}

/** The outbox effect that publishes an event once the write that caused it has committed. */
export interface EventEffect {
  type: 'domain_event';
  event: DomainEvent;
}

/** An event to stage in the outbox entry of the transaction that makes it true. */
export function domainEvent(type: EventType, orgId: string, data: Record<string, unknown>, nowMs: number): EventEffect {
  return { type: 'domain_event', event: { id: `evt_${sortableId(nowMs)}`, type, occurredAt: formatInstant(nowMs), orgId, data: withoutUndefined(data) } };
}

/** The JSON body every consumer receives, byte for byte the same on every delivery of the event. */
export const eventBody = (event: DomainEvent): string =>
  JSON.stringify({ id: event.id, type: event.type, timestamp: event.occurredAt, orgId: event.orgId, data: event.data });

const withoutUndefined = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
