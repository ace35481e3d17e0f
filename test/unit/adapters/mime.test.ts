import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime } from '../../../shared/adapters/mail/mime';

const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
const message = {
  to: ['jane&john@x.test'],
  fromName: 'Maple & Oak 🌱 "Coaching"',
  replyTo: ['coach@x.test'],
  subject: 'Booked: Session 1 with Jürgen\r\nBcc: evil@x.test',
  text: 'Hello Jürgen,\n\nSee you then.',
  html: '<!DOCTYPE html><html><body><p>Hello Jürgen</p></body></html>',
};

const partsOf = (raw: string) => [...raw.matchAll(/^Content-Type: ([^;\r\n]+)/gm)].map((m) => m[1]);

describe('raw MIME for SES', () => {
  it('sends a calendar as a text/calendar alternative plus an .ics attachment', async () => {
    const raw = buildMime({ ...message, calendar: { method: 'REQUEST', content: calendar } }, { fromAddress: 'sessions@practice.test', date: Date.parse('2026-12-01T08:00:00Z') });
    expect(partsOf(raw)).toEqual(['multipart/mixed', 'multipart/alternative', 'text/plain', 'text/html', 'text/calendar', 'application/ics']);
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    const parsed = await simpleParser(raw);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain('Hello Jürgen');
    expect(parsed.attachments.map((a) => a.contentType).sort()).toEqual(['application/ics', 'text/calendar']);
    expect(parsed.attachments.every((a) => a.content.toString('utf8') === calendar)).toBe(true);
  });

  it('encodes the sender name per RFC 2047 and strips controls from every header', async () => {
    const raw = buildMime(message, { fromAddress: 'sessions@practice.test', date: 0 });
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^[\x00-\x7f]*$/);
    expect(head).toMatch(/^From: =\?UTF-8\?B\?/m);
    expect(head).not.toMatch(/^Bcc:/im);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value[0]).toEqual({ name: 'Maple & Oak 🌱 "Coaching"', address: 'sessions@practice.test' });
    expect(parsed.subject).toBe('Booked: Session 1 with Jürgen Bcc: evil@x.test');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((v) => v.address) : []).toEqual(['jane&john@x.test']);
    expect(parsed.headers.get('bcc')).toBeUndefined();
    expect(partsOf(raw)).toEqual(['multipart/alternative', 'text/plain', 'text/html']);
  });

  it('keeps a plain ASCII name readable, quoted', () => {
    const raw = buildMime({ ...message, fromName: 'North Star Coaching' }, { fromAddress: 'sessions@practice.test', date: 0 });
    expect(raw).toMatch(/^From: "North Star Coaching" <sessions@practice\.test>\r$/m);
  });
});
