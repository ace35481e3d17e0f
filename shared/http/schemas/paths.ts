import * as z from 'zod/mini';
import { EDITABLE_WORKSHEETS } from '../../domain/programs/program';
import { id } from './common';
import { lazySchema } from './lazy-schema';

/*
 * The path parameters of the routes inside a program, apart from the body schemas: a function
 * builds its schemas when it loads, so one that only needs a path does not build every body too.
 */
export const programPath = lazySchema(() => z.object({ orgId: id(), programId: id() }));
export const modulePath = lazySchema(() => z.extend(programPath(), { moduleId: id() }));
export const activityPath = lazySchema(() => z.extend(programPath(), { activityId: id() }));
export const templatePath = lazySchema(() => z.extend(programPath(), { templateKind: z.enum(EDITABLE_WORKSHEETS) }));
export const resourcePath = lazySchema(() => z.extend(programPath(), { resourceId: id() }));
export const actionItemPath = lazySchema(() => z.extend(programPath(), { actionItemId: id() }));
export const bookingPath = lazySchema(() => z.extend(programPath(), { bookingId: id() }));
export const requestPath = lazySchema(() => z.extend(programPath(), { requestId: id() }));
