import * as z from 'zod';
import { EVENT_TYPES } from '../../domain/events/event-types';
import { id, instant, nullableInstant } from './response-schemas';

/** What the webhook routes answer; see response-schemas.ts for the rule these follow. */

const eventFilter = z.enum([...EVENT_TYPES, '*']);
const secret = z.string().meta({ description: 'The signing secret (`whsec_` + base64 of 32 bytes): shown only in this answer. Keep it where your receiver can read it.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8vPp2SA4bTg=' });

const endpointFields = {
  webhookId: id,
  url: z.string().meta({ format: 'uri', example: 'https://hooks.example.org/rapport' }),
  events: z.array(eventFilter).meta({ description: 'The event types sent to it; `["*"]` for all, present and future.' }),
  description: z.string().nullable(),
  createdAt: instant,
  secretRotatedAt: nullableInstant,
};

const endpointExample = {
  webhookId: 'Zp1Yq2mXc3V4b5N6k7L8jA',
  url: 'https://hooks.example.org/rapport',
  events: ['booking.created', 'booking.cancelled'],
  description: 'CRM',
  createdAt: '2026-12-01T09:00:00Z',
  secretRotatedAt: null,
};

export const webhookEndpoint = z.object(endpointFields).meta({ id: 'WebhookEndpoint', example: endpointExample });

export const createdWebhookEndpoint = z
  .object({ ...endpointFields, secret })
  .meta({ id: 'CreatedWebhookEndpoint', example: { ...endpointExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8vPp2SA4bTg=' } });

export const rotatedSecret = z
  .object({ webhookId: id, secret, previousSecretExpiresAt: instant.meta({ description: 'Until then the old secret signs too (a second `v1,` signature).' }) })
  .meta({ id: 'RotatedWebhookSecret', example: { webhookId: 'Zp1Yq2mXc3V4b5N6k7L8jA', secret: 'whsec_4mSXvQnX0pH0TQ0gq4w0b6aZ1kJxWl1p5q2bT8f3cVE=', previousSecretExpiresAt: '2026-12-02T09:00:00Z' } });

const eventPayload = z
  .object({
    id: z.string().meta({ description: 'The event id, also sent as `webhook-id`.' }),
    type: z.enum(EVENT_TYPES),
    timestamp: instant.meta({ description: 'When it happened.' }),
    orgId: id,
    data: z.record(z.string(), z.unknown()).meta({ description: 'Ids, times and states of the subject (see the README for each type); never text a person wrote.' }),
  })
  .meta({ id: 'WebhookEvent' });

export const webhookDelivery = z
  .object({
    deliveryId: id,
    webhookId: id,
    eventId: z.string(),
    eventType: z.enum(EVENT_TYPES),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']).meta({ description: '`pending`: waiting for its next attempt; `failed`: 8 attempts used; `cancelled`: the endpoint was deleted first.' }),
    attempts: z.number().int(),
    createdAt: instant,
    lastAttemptAt: nullableInstant,
    nextAttemptAt: nullableInstant,
    deliveredAt: nullableInstant,
    replayOf: id.nullable().meta({ description: 'The delivery this one replays.' }),
    responses: z
      .array(z.object({ at: instant, statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() }))
      .meta({ description: 'The last 10 attempts, oldest first: the status the receiver answered (null when none came) and why it failed.' }),
    payload: eventPayload,
  })
  .meta({
    id: 'WebhookDelivery',
    example: {
      deliveryId: 'dlv_01KQ3V0Z9G8WJ4E6D2R5T7Y1AB',
      webhookId: 'Zp1Yq2mXc3V4b5N6k7L8jA',
      eventId: 'evt_01KQ3V0Z9G8WJ4E6D2R5T7Y1AB',
      eventType: 'booking.created',
      status: 'delivered',
      attempts: 2,
      createdAt: '2026-12-01T09:00:00Z',
      lastAttemptAt: '2026-12-01T09:01:04Z',
      nextAttemptAt: null,
      deliveredAt: '2026-12-01T09:01:04Z',
      replayOf: null,
      responses: [
        { at: '2026-12-01T09:00:00Z', statusCode: 503, error: 'the receiver answered 503', durationMs: 41 },
        { at: '2026-12-01T09:01:04Z', statusCode: 204, error: null, durationMs: 38 },
      ],
      payload: { id: 'evt_01KQ3V0Z9G8WJ4E6D2R5T7Y1AB', type: 'booking.created', timestamp: '2026-12-01T09:00:00Z', orgId: 'Qm3Rt5Yu7Io9Pa1Sd3Fg5H', data: { programId: '01KQ3V0Z9G8WJ4E6D2R5T7Y1AC', bookingId: '01KQ3V0Z9G8WJ4E6D2R5T7Y1AD', start: '2026-12-09T10:00:00Z' } },
    },
  });
