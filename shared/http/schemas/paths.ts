import * as z from 'zod/mini';
import { EDITABLE_WORKSHEETS } from '../../domain/programs/program';
import { id } from './common';

/*
 * The path parameters of the routes inside a program, apart from the body schemas: a function
 * builds its schemas when it loads, so one that only needs a path does not build every body too.
 */
export const programPath = z.object({ orgId: id, programId: id });
export const modulePath = z.extend(programPath, { moduleId: id });
export const activityPath = z.extend(programPath, { activityId: id });
export const templatePath = z.extend(programPath, { templateKind: z.enum(EDITABLE_WORKSHEETS) });
export const resourcePath = z.extend(programPath, { resourceId: id });
export const actionItemPath = z.extend(programPath, { actionItemId: id });
export const bookingPath = z.extend(programPath, { bookingId: id });
export const requestPath = z.extend(programPath, { requestId: id });
