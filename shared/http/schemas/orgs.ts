import * as z from 'zod/mini';
import { hasWhiteTextContrast } from '../../domain/orgs/brand-color';
import { httpsUrl, multiLine, patchBody, singleLine, timeZone } from './common';
import { introCallSettingsBody } from './intro-calls';

export const createOrgBody = z.strictObject({ name: singleLine(120), timeZone });

export const patchOrgBody = patchBody(
  z.strictObject({
    name: singleLine(120),
    timeZone,
    meetingUrl: z.nullable(httpsUrl),
    logoUrl: z.nullable(httpsUrl),
    brandColor: z.nullable(
      z
        .string()
        .check(
          z.regex(/^#[0-9a-fA-F]{6}$/, { error: 'Use a colour as #rrggbb.' }),
          z.refine(hasWhiteTextContrast, { error: 'Buttons carry white text on this colour: pick a darker one (contrast at least 4.5:1 with white).' }),
          z.toLowerCase(),
        ),
    ),
    signature: z.nullable(multiLine(500)),
    introCalls: introCallSettingsBody,
  }),
);

export type CreateOrgBody = z.output<typeof createOrgBody>;
export type PatchOrgBody = z.output<typeof patchOrgBody>;
