import * as z from 'zod';
import { hasWhiteTextContrast } from '../../domain/orgs/brand-color';
import { httpsUrl, multiLine, singleLine, timeZone } from './common';
import { introCallSettingsBody } from './intro-calls';

export const createOrgBody = z.strictObject({ name: singleLine(120), timeZone });

export const patchOrgBody = z
  .strictObject({
    name: singleLine(120),
    timeZone,
    meetingUrl: httpsUrl.nullable(),
    logoUrl: httpsUrl.nullable(),
    brandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Use a colour as #rrggbb.' })
      .refine(hasWhiteTextContrast, { error: 'Buttons carry white text on this colour: pick a darker one (contrast at least 4.5:1 with white).' })
      .transform((v) => v.toLowerCase())
      .nullable(),
    signature: multiLine(500).nullable(),
    introCalls: introCallSettingsBody,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'Send at least one field to change.' });

export type CreateOrgBody = z.output<typeof createOrgBody>;
export type PatchOrgBody = z.output<typeof patchOrgBody>;
