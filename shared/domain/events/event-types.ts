/**
 * Every event Rapport publishes, to webhooks and to the EventBridge bus. A name is a promise to
 * integrators: add new ones freely, never rename or remove one.
 */
export const EVENT_TYPES = [
  'booking.created',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.no_show',
  'reschedule_request.created',
  'reschedule_request.decided',
  'reschedule_request.expired',
  'program.client_joined',
  'worksheet.submitted',
  'review.created',
  'intro_call.booked',
  'intro_call.cancelled',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** An endpoint subscribes to some types, or to every type (present and future) with `*`. */
export type EventFilter = EventType | '*';

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);

export const subscribesTo = (filter: readonly EventFilter[], type: EventType): boolean => filter.includes('*') || filter.includes(type);
