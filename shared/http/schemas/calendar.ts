import * as z from 'zod';

export const connectCalendarBody = z.strictObject({ icsUrl: z.string().trim().min(1).max(2000) });

/** The feed's secret in the URL is the credential; a malformed one names nothing. */
export const feedPath = z.object({ feedToken: z.string().min(10).max(200) });
