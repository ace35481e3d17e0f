/**
 * THE place that decides how a person is shown to a reader: their name (the address when they gave
 * none), and the zone, locale and hour cycle their own emails and invites are written in.
 */

/** What a person tells Rapport about themselves (`PATCH /me`); every field optional. */
export interface PersonProfile {
  displayName?: string | null;
  timeZone?: string | null;
  /** BCP 47, e.g. `en-US`, `de-DE`. */
  locale?: string | null;
  hourCycle?: 12 | 24 | null;
}

/** A person as emails and invites speak of them and to them. */
export interface Person {
  name: string;
  email: string;
  zone: string;
  locale: string;
  hourCycle: 12 | 24;
}

export const DEFAULT_LOCALE = 'en-GB';

/** 12 or 24, as the locale writes times by default (en-US: 12, de-DE and en-GB: 24). */
export function defaultHourCycle(locale: string): 12 | 24 {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h11' || cycle === 'h12' ? 12 : 24;
  } catch {
    return 24;
  }
}

/** A BCP 47 tag Intl knows, in its canonical spelling; null for anything else. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : null;
  } catch {
    return null;
  }
}

/**
 * The person behind an address: their own name, zone, locale and hour cycle where they gave them,
 * else the address, the zone of the place they belong to (org or schedule), and the defaults.
 */
export function resolvePerson(email: string, profile: PersonProfile | null | undefined, fallbackZone: string): Person {
  const locale = profile?.locale ?? DEFAULT_LOCALE;
  return {
    name: profile?.displayName?.trim() || email,
    email,
    zone: profile?.timeZone ?? fallbackZone,
    locale,
    hourCycle: profile?.hourCycle ?? defaultHourCycle(locale),
  };
}

/** The coach of an org, as emails show them (their zone defaults to the org's). */
export const coachOf = (org: { coachEmail: string; coachProfile: PersonProfile | null; timeZone: string }): Person =>
  resolvePerson(org.coachEmail, org.coachProfile, org.timeZone);

/** A program's client (their zone defaults to the zone of the schedule they book from). */
export const clientOf = (client: PersonProfile & { email: string }, fallbackZone: string): Person => resolvePerson(client.email, client, fallbackZone);

const ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-";
const LOCAL_PART = new RegExp(`^[${ATEXT}]+(\\.[${ATEXT}]+)*$`);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An address SES can deliver to, as stored: the local part as given (RFC 5322 dot-atom, so `&`, `=`,
 * `/`, `#` and friends are fine), the domain lower-cased and, for international domains, in
 * punycode (`bücher.test` → `xn--bcher-kva.test`). Null when it is not an address.
 */
export function normalizeAddress(input: string): string | null {
  const address = input.trim();
  const at = address.lastIndexOf('@');
  if (at < 1 || address.length > 254) return null;
  const local = address.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  let domain: string;
  try {
    domain = new URL(`http://${address.slice(at + 1)}`).hostname;
  } catch {
    return null;
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^[0-9]+$/.test(labels.at(-1) ?? '')) return null;
  return `${local.toLowerCase()}@${domain}`;
}
