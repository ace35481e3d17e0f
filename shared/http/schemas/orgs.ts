import * as z from 'zod';
import { httpsUrl, nonBlank, timeZone } from './common';
import { introCallSettingsBody } from './intro-calls';

export const createOrgBody = z.strictObject({ name: nonBlank(120), timeZone });

export const patchOrgBody = z
  .strictObject({
    name: nonBlank(120),
    timeZone,
    meetingUrl: httpsUrl.nullable(),
    introCalls: introCallSettingsBody,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'Send at least one field to change.' });

export type CreateOrgBody = z.output<typeof createOrgBody>;
export type PatchOrgBody = z.output<typeof patchOrgBody>;
