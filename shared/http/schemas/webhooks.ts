import * as z from 'zod';
import { EVENT_TYPES } from '../../domain/events/event-types';
import { id, orgPath, singleLine } from './common';

/** The scheme and address are checked by the use case, under the deployment's delivery policy. */
export const createWebhookBody = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  events: z
    .array(z.enum([...EVENT_TYPES, '*'], { error: `Use event types from: ${EVENT_TYPES.join(', ')}, or * for all.` }))
    .min(1)
    .max(EVENT_TYPES.length + 1),
  description: singleLine(200).optional(),
});

export const webhookPath = orgPath.extend({ webhookId: id });

export const deliveryPath = webhookPath.extend({ deliveryId: id });

export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(2000).optional(),
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});
