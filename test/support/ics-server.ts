import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';

/**
 * A coach's calendar server on loopback: serves whatever ICS text a test sets (with an ETag, and
 * 304 to a matching If-None-Match), plus the ways real servers go wrong (not iCalendar, errors,
 * redirects to private addresses, a body that trickles in, a server that never answers).
 */
export class IcsServer {
  ics = emptyCalendar();
  requests = 0;
  /** Conditional requests answered 304. */
  notModified = 0;
  /** While true, the calendar answers 500. */
  failing = false;
  private readonly hanging = new Set<ServerResponse>();
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<IcsServer> {
    let instance: IcsServer | undefined;
    const server = createServer((req, res) => {
      if (instance) instance.requests++;
      switch (req.url) {
        case '/calendar.ics': {
          if (instance?.failing) return void res.writeHead(503).end('down for maintenance');
          const text = instance?.ics ?? '';
          const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 16)}"`;
          if (req.headers['if-none-match'] === etag) {
            if (instance) instance.notModified++;
            return void res.writeHead(304, { etag }).end();
          }
          res.writeHead(200, { 'content-type': 'text/calendar', etag }).end(text);
          return;
        }
        case '/trickle': {
          // A line a second, forever: every read arrives before any idle timeout would fire.
          res.writeHead(200, { 'content-type': 'text/calendar' });
          res.write('BEGIN:VCALENDAR\r\n');
          const timer = setInterval(() => res.write('X-WAIT:still here\r\n'), 1000);
          res.on('close', () => clearInterval(timer));
          instance?.hanging.add(res);
          return;
        }
        case '/silent':
          // Accepts the connection and never answers.
          instance?.hanging.add(res);
          return;
        case '/page.html':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>My calendar</body></html>');
          return;
        case '/broken':
          res.writeHead(500).end('oops');
          return;
        case '/moved':
          res.writeHead(302, { location: '/calendar.ics' }).end();
          return;
        case '/to-private':
          res.writeHead(302, { location: 'http://10.1.2.3/calendar.ics' }).end();
          return;
        default:
          res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    instance = new IcsServer(server, `http://127.0.0.1:${port}`);
    return instance;
  }

  get calendarUrl(): string {
    return `${this.origin}/calendar.ics`;
  }

  stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const emptyCalendar = () => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Calendar//EN', 'END:VCALENDAR', ''].join('\r\n');

/** A calendar with the given events; times are UTC unless a TZID form is passed in `start`/`end`. */
export function calendarWith(events: { uid: string; start: string; end: string; extra?: string[] }[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Calendar//EN'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20260101T000000Z', e.start, e.end, ...(e.extra ?? []), 'SUMMARY:Busy', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

/** Many events that repeat every day, as a hostile (or very busy) feed would hold them. */
export function dailyEvents(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Flood//EN'];
  for (let i = 0; i < count; i++) {
    const minute = String(i % 60).padStart(2, '0');
    lines.push('BEGIN:VEVENT', `UID:flood-${i}@example.com`, 'DTSTAMP:20260101T000000Z', `DTSTART:20261101T09${minute}00Z`, `DTEND:20261101T10${minute}00Z`, 'RRULE:FREQ=DAILY', 'SUMMARY:Busy', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
