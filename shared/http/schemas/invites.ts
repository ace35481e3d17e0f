import * as z from 'zod/mini';
import { emailAddress } from './common';
import { profileFields } from './identity';
import { lazySchema } from './lazy-schema';

export const inviteBody = lazySchema(() => z.strictObject({ email: emailAddress() }));
/** The client's own zone, for the times in their emails. */
export const acceptInviteBody = lazySchema(() => z.optional(z.partial(z.pick(profileFields(), { timeZone: true, displayName: true, locale: true, hourCycle: true }))));
export const invitePath = lazySchema(() => z.object({ token: z.string().check(z.minLength(10), z.maxLength(300)) }));
