import * as z from 'zod/mini';
import { calendarDate, id, nonBlank, pageCursor, pageLimit, patchBody } from './common';

export const newActionItemBody = z.strictObject({ text: nonBlank(1000), dueDate: z.optional(calendarDate) });
export const patchActionItemBody = patchBody(z.strictObject({ done: z.boolean(), text: nonBlank(1000), dueDate: z.nullable(calendarDate) }));
export const actionItemsQuery = z.strictObject({ moduleId: z.optional(id), limit: pageLimit, cursor: pageCursor });
