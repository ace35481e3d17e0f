import * as z from 'zod/mini';
import { calendarDate, id, nonBlank, pageCursor, pageLimit, patchBody } from './common';
import { lazySchema } from './lazy-schema';

export const newActionItemBody = lazySchema(() => z.strictObject({ text: nonBlank(1000), dueDate: z.optional(calendarDate()) }));
export const patchActionItemBody = lazySchema(() =>
  patchBody(z.strictObject({ done: z.boolean(), text: nonBlank(1000), dueDate: z.nullable(calendarDate()) })),
);
export const actionItemsQuery = lazySchema(() => z.strictObject({ moduleId: z.optional(id()), limit: pageLimit(), cursor: pageCursor() }));
