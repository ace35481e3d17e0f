import * as z from 'zod/mini';
import { calendarDate, id, nonBlank, pageCursor, pageLimit } from './common';
import { lazySchema } from './lazy-schema';

export const newActionItemBody = lazySchema(() => z.strictObject({ text: nonBlank(1000), dueDate: z.optional(calendarDate()) }));
export const patchActionItemBody = lazySchema(() =>
  z
    .partial(z.strictObject({ done: z.boolean(), text: nonBlank(1000), dueDate: z.nullable(calendarDate()) }))
    .check(z.refine((b) => Object.keys(b).length > 0, { error: 'Send at least one field to change.' })),
);
export const actionItemsQuery = lazySchema(() => z.strictObject({ moduleId: z.optional(id()), limit: pageLimit(), cursor: pageCursor() }));
