import { describe, expect, it } from 'vitest';
import { client, coach, kinds, parties, practice } from '../../support/email-kinds';
import { readCalendar } from '../../support/ics-check';

describe('every email kind', () => {
  it.each(kinds)('%s: a real HTML document with a plain-text twin, in the reader’s language and time', (_kind, messages) => {
    for (const mail of messages) {
      expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="[a-zA-Z-]+"/);
      for (const part of ['<meta name="viewport"', '<meta name="color-scheme" content="light">', '<title>', 'display:none;max-height:0', 'role="presentation"']) expect(mail.html).toContain(part);
      expect(mail.text).toContain(practice.signature);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      const action = /href="([^"]+)"/.exec(mail.html.slice(mail.html.indexOf('<body')))?.[1];
      if (action) expect(mail.text).toContain(action.replace(/&amp;/g, '&'));
      if (mail.to[0] === client.email && mail.calendar) expect(mail.text).toMatch(/Mittwoch, 9\. Dezember 2026, 15:00 – 1[56]:[0-9]{2} MEZ/);
      if (mail.to[0] === coach.email && mail.calendar) expect(mail.text).toMatch(/Wednesday, December 9, 2026, 9:00 AM – (10:00|9:15) AM EST/);
      if (mail.calendar) {
        const read = readCalendar(mail.calendar.content);
        expect(read.problems).toEqual([]);
        expect(read.icalEvents[0]?.location).toBe(mail.to[0] === coach.email ? parties.joinLinks.coach : parties.joinLinks.client);
      }
    }
  });

  it('check-ins never ask for a prep form they do not have', () => {
    const checkIns = [...(kinds.find(([k]) => k === 'check-in booked')?.[1] ?? []), ...(kinds.find(([k]) => k === 'check-in reminder')?.[1] ?? [])];
    expect(checkIns).toHaveLength(4);
    for (const mail of checkIns) expect(mail.text).not.toMatch(/prep form/i);
  });

  it('lapsed requests tell both sides and blame nobody; a sent request is acknowledged', () => {
    const lapsed = kinds.find(([k]) => k === 'lapsed')?.[1] ?? [];
    expect(lapsed.map((m) => m.to[0]).sort()).toEqual([client.email, coach.email].sort());
    for (const mail of lapsed) expect(mail.text).not.toMatch(/did not answer/);
    expect((kinds.find(([k]) => k === 'request')?.[1] ?? []).map((m) => m.to[0])).toEqual([coach.email, client.email]);
  });
});
