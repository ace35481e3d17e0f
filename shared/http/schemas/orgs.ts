import * as z from 'zod/mini';
import { hasWhiteTextContrast } from '../../domain/orgs/brand-color';
import { httpsUrl, multiLine, patchBody, singleLine, timeZone } from './common';
import { introCallSettingsBody } from './intro-calls';
import { lazySchema, type Parsed } from './lazy-schema';

export const createOrgBody = lazySchema(() => z.strictObject({ name: singleLine(120), timeZone: timeZone() }));

export const patchOrgBody = lazySchema(() =>
  patchBody(
      z.strictObject({
        name: singleLine(120),
        timeZone: timeZone(),
        meetingUrl: z.nullable(httpsUrl()),
        logoUrl: z.nullable(httpsUrl()),
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
        introCalls: introCallSettingsBody(),
      }),
    ),
);

export type CreateOrgBody = Parsed<typeof createOrgBody>;
export type PatchOrgBody = Parsed<typeof patchOrgBody>;
