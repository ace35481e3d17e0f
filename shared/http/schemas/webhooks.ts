import * as z from 'zod/mini';
import { EVENT_TYPES } from '../../domain/events/event-types';
import { id, orgPath, pageCursor, pageLimit, singleLine } from './common';
import { lazySchema } from './lazy-schema';

/** The scheme and address are checked by the use case, under the deployment's delivery policy. */
export const createWebhookBody = lazySchema(() =>
  z.strictObject({
    url: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    events: z
      .array(z.enum([...EVENT_TYPES, '*'], { error: `Use event types from: ${EVENT_TYPES.join(', ')}, or * for all.` }))
      .check(z.minLength(1), z.maxLength(EVENT_TYPES.length + 1)),
    description: z.optional(singleLine(200)),
  }),
);

export const webhookPath = lazySchema(() => z.extend(orgPath(), { webhookId: id() }));

export const deliveryPath = lazySchema(() => z.extend(webhookPath(), { deliveryId: id() }));

export const deliveriesQuery = lazySchema(() =>
  z.strictObject({
    limit: pageLimit(),
    cursor: pageCursor(),
    status: z.optional(z.enum(['pending', 'delivered', 'failed'])),
  }),
);
