import { describe, expect, it } from 'vitest';
import { buildFeed, buildInvite, mailto, param, text, type CalendarEvent } from '../../../shared/adapters/calendar/ics-writer';
import { readCalendar } from '../../support/ics-check';

const ORG = 'Dana "DJ" Reyes; Coaching, Ltd 🌱';
const start = Date.parse('2026-12-09T14:00:00Z') / 60_000;

const anEvent = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: '01JOIN@app.example.com',
  sequence: 2,
  start,
  end: start + 60,
  stampedAt: Date.parse('2026-12-01T08:00:00Z'),
  summary: 'Session 1 with Jürgen Ölmann (Leading, Through; Change\\)',
  description: 'Line one\nLine two; with, punctuation \\ and a very long sentence that certainly needs folding because it is longer than seventy-five octets 🌱🌱🌱',
  location: 'https://api.example.com/j/abc.def',
  url: 'https://api.example.com/j/abc.def',
  organizer: { name: ORG, email: 'sessions@practice.test' },
  attendees: [
    { name: 'Coach "Dana"\r\nBCC:evil@x.test', email: 'jane&john@x.test', partstat: 'ACCEPTED' },
    { name: 'Ünï Çlient', email: 'x#y@xn--bcher-kva.test', partstat: 'NEEDS-ACTION' },
  ],
  ...overrides,
});

describe('the iCalendar writer', () => {
  it('escapes TEXT values, quotes parameters with RFC 6868, folds at 75 octets and ends every line with CRLF', () => {
    const ics = buildInvite('REQUEST', anEvent());
    const read = readCalendar(ics);
    expect(read.problems).toEqual([]);
    expect(read.method).toBe('REQUEST');
    const [event] = read.icalEvents;
    expect(event?.summary).toBe('Session 1 with Jürgen Ölmann (Leading, Through; Change\\)');
    expect(event?.description).toBe(anEvent().description);
    expect(event?.klass).toBe('PRIVATE');
    expect(event?.organizer).toMatchObject({ cn: ORG, value: 'mailto:sessions@practice.test' });
    expect(event?.attendees.map((a) => a.cn)).toEqual(['Coach "Dana"\nBCC:evil@x.test', 'Ünï Çlient']);
    expect(event?.attendees.map((a) => a.partstat)).toEqual(['ACCEPTED', 'NEEDS-ACTION']);
    expect(event?.attendees.map((a) => decodeURIComponent(a.value))).toEqual(['mailto:jane&john@x.test', 'mailto:x#y@xn--bcher-kva.test']);
    // node-ical reads the same event with its organizer and attendees. (node-ical 0.26 splits
    // parameters at every ";", even inside quotes, and knows no RFC 6868: a CN holding ";" cannot
    // reach it whole, whatever the writer does. The TEXT values carry the names whole to both.)
    const [other] = read.nodeIcalEvents;
    expect(other?.uid).toBe('01JOIN@app.example.com');
    expect(other?.summary).toBe('Session 1 with Jürgen Ölmann (Leading, Through; Change\\)');
    expect((other?.organizer as { val?: string })?.val).toBe('mailto:sessions@practice.test');
    expect([other?.attendee].flat()).toHaveLength(2);
    // No line of the file was started by a name: the CR/LF became RFC 6868's ^n inside the quotes.
    expect(ics.split('\r\n').some((line) => line.startsWith('BCC:'))).toBe(false);
  });

  it('never splits a UTF-8 character when folding', () => {
    const ics = buildInvite('REQUEST', anEvent({ summary: '🌱'.repeat(60) }));
    for (const line of ics.split('\r\n')) expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    expect(readCalendar(ics).icalEvents[0]?.summary).toBe('🌱'.repeat(60));
  });

  it('writes a feed whose name cannot inject events, whatever it holds', () => {
    const name = 'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:injected';
    const ics = buildFeed(name, [anEvent(), anEvent({ uid: 'second@app.example.com' })]);
    const read = readCalendar(ics);
    expect(read.problems).toEqual([]);
    // ical.js does not unescape NAME (RFC 7986) and X-WR-CALNAME: they come back as written, one line.
    expect(read.name).toBe('Evil\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nUID:injected');
    expect(read.icalEvents.map((e) => e.uid)).toEqual(['01JOIN@app.example.com', 'second@app.example.com']);
    expect(read.nodeIcalEvents).toHaveLength(2);
    expect(read.method).toBeNull();
  });

  it('marks a cancellation as such', () => {
    const ics = buildInvite('CANCEL', anEvent());
    expect(ics).toMatch(/\r\nMETHOD:CANCEL\r\n/);
    expect(ics).toMatch(/\r\nSTATUS:CANCELLED\r\n/);
  });

  it('has one rule per kind of value', () => {
    expect(text('a;b,c\\d\r\ne\u0007')).toBe('a\\;b\\,c\\\\d\\ne');
    expect(param('say "hi"^\nthere')).toBe(`"say ^'hi^'^^^nthere"`);
    expect(mailto('a/b@x.test')).toBe('mailto:a%2Fb@x.test');
    expect(mailto('user=tag@x.test')).toBe('mailto:user%3Dtag@x.test');
  });
});
