import ical from 'node-ical';
import type { OutboxEmail } from '../../local/local-ses';

/** The VEVENTs of an iCalendar text, read by node-ical — a parser independent of the one that wrote it. */
export function eventsOf(ics: string) {
  return Object.values(ical.sync.parseICS(ics)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
}

/** The calendar attachment of an email, parsed, with the METHOD line it carries. */
export function inviteOf(email: OutboxEmail | undefined) {
  const attachment = email?.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) throw new Error(`No calendar attachment in "${email?.subject}"`);
  const [event] = eventsOf(attachment.content);
  if (!event) throw new Error('The attachment holds no event');
  return { event, method: /^METHOD:(\w+)/m.exec(attachment.content)?.[1], contentType: attachment.contentType, raw: attachment.content };
}
