import { describe, expect, it } from 'vitest';
import { hasWhiteTextContrast } from '../../../shared/domain/orgs/brand-color';
import { canonicalLocale, defaultHourCycle, normalizeAddress, resolvePerson } from '../../../shared/domain/people/person';

describe('people', () => {
  it('accepts every address SES delivers to, storing international domains in punycode', () => {
    for (const address of ['jane&john@x.test', 'user=tag@x.test', 'a/b@x.test', 'x#y@x.test', "o'brien+1@sub.x.test"]) {
      expect(normalizeAddress(address), address).toBe(address);
    }
    expect(normalizeAddress('User@Bücher.TEST')).toBe('user@xn--bcher-kva.test');
    for (const bad of ['plain', '@x.test', 'a@b', 'a..b@x.test', '.a@x.test', 'a b@x.test', 'a@-x.test', 'a@x.123', `${'a'.repeat(65)}@x.test`, 'a@x.test\r\nBcc: y@z.test']) {
      expect(normalizeAddress(bad), bad).toBeNull();
    }
  });

  it('shows the address when no name was given, and takes the hour cycle from the locale', () => {
    expect(resolvePerson('jane@x.test', null, 'Europe/London')).toEqual({ name: 'jane@x.test', email: 'jane@x.test', zone: 'Europe/London', locale: 'en-GB', hourCycle: 24 });
    expect(resolvePerson('jane@x.test', { displayName: 'Jane', locale: 'en-US', timeZone: 'America/Chicago' }, 'Europe/London')).toMatchObject({ name: 'Jane', zone: 'America/Chicago', hourCycle: 12 });
    expect(defaultHourCycle('de-DE')).toBe(24);
    expect(canonicalLocale('en-us')).toBe('en-US');
    expect(canonicalLocale('not a locale')).toBeNull();
  });

  it('accepts a brand colour only when white button text on it is readable (WCAG AA)', () => {
    expect(hasWhiteTextContrast('#1d4ed8')).toBe(true);
    expect(hasWhiteTextContrast('#2f6f5e')).toBe(true);
    expect(hasWhiteTextContrast('#ffee00')).toBe(false);
    expect(hasWhiteTextContrast('#777777')).toBe(false);
  });
});
