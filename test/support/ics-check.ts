import ICAL from 'ical.js';
import { eventsOf } from './ics-parse';

/**
 * An iCalendar text read by two parsers that did not write it (ical.js, node-ical), plus the
 * byte-level rules of RFC 5545 those parsers forgive: CRLF after every line, 75 octets at most.
 */
export function readCalendar(ics: string) {
  const lines = ics.split('\r\n');
  const problems: string[] = [];
  if (!ics.endsWith('\r\n')) problems.push('the last line does not end with CRLF');
  if (/(^|[^\r])\n/.test(ics)) problems.push('a line ends with a bare LF');
  for (const line of lines) if (Buffer.byteLength(line, 'utf8') > 75) problems.push(`a line is longer than 75 octets: ${line}`);
  const component = new ICAL.Component(ICAL.parse(ics));
  const icalEvents = component.getAllSubcomponents('vevent').map((v) => {
    const person = (p: ICAL.Property) => ({ cn: String(p.getParameter('cn') ?? ''), value: String(p.getFirstValue()), partstat: String(p.getParameter('partstat') ?? '') });
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
      location: String(v.getFirstPropertyValue('location') ?? ''),
      sequence: Number(v.getFirstPropertyValue('sequence')),
      klass: String(v.getFirstPropertyValue('class') ?? ''),
      organizer: v.getFirstProperty('organizer') ? person(v.getFirstProperty('organizer') as ICAL.Property) : null,
      attendees: v.getAllProperties('attendee').map(person),
    };
  });
  return {
    problems,
    method: component.getFirstPropertyValue('method') as string | null,
    name: (component.getFirstPropertyValue('name') ?? component.getFirstPropertyValue('x-wr-calname')) as string | null,
    icalEvents,
    nodeIcalEvents: eventsOf(ics),
  };
}
