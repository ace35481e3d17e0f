import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { LocalStack } from './stack';

/**
 * `npm run demo`: one whole coaching engagement against the local stack, told as a story. It uses
 * the stack already running at PORT (default 3000), or starts one in this process (in-memory data,
 * a frozen clock) when none answers there. Everything goes over HTTP, as a frontend would do it;
 * the local-only routes stand in for sign-in, the inbox and the passing of time. The progress chart
 * is written to DEMO_OUT (default `demo-output/`) as `progress.svg`.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

type Json = any;

const say = (line = '') => console.log(line);
const chapter = (title: string) => say(`\n== ${title}`);

class Api {
  constructor(
    readonly base: string,
    private readonly token: string | null = null,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  }

  /** A call the story needs to succeed: anything else stops the demo with what the API said. */
  async must(method: string, path: string, body?: unknown, expected = [200, 201, 202, 204]): Promise<Json> {
    const answer = await this.call(method, path, body);
    if (!expected.includes(answer.status)) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

/** The people of the story and the emails each has received so far. */
class Inbox {
  private readonly seen = new Map<string, number>();
  constructor(private readonly local: Api) {}

  async news(who: Record<string, string>): Promise<void> {
    for (const [name, email] of Object.entries(who)) {
      const { items } = await this.local.must('GET', `/_local/outbox?to=${encodeURIComponent(email)}`);
      const fresh = (items as { subject: string }[]).slice(this.seen.get(email) ?? 0);
      this.seen.set(email, (items as unknown[]).length);
      for (const mail of fresh) say(`   ✉ ${name} receives: “${mail.subject}”`);
    }
  }

  async last(email: string): Promise<{ subject: string; text: string }> {
    const { items } = await this.local.must('GET', `/_local/outbox?to=${encodeURIComponent(email)}`);
    const mail = (items as { subject: string; text: string }[]).at(-1);
    if (!mail) throw new Error(`No email for ${email}`);
    return mail;
  }
}

/** The coach's own calendar, as their calendar app would publish it: one busy afternoon. */
async function coachCalendar(busyFrom: Date): Promise<{ url: string; server: Server }> {
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const busyTo = new Date(busyFrom.getTime() + 3 * 3600_000);
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport demo//EN',
    'BEGIN:VEVENT',
    `UID:${randomUUID()}@demo`,
    `DTSTAMP:${stamp(busyFrom)}`,
    `DTSTART:${stamp(busyFrom)}`,
    `DTEND:${stamp(busyTo)}`,
    'SUMMARY:Supervision with my mentor',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(ics));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`, server };
}

async function runningAt(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

const when = (iso: string, zone: string) =>
  new Date(iso).toLocaleString('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** Answers a worksheet the way a thoughtful client would: every question, in their own words. */
function answersFor(questions: { questionId: string; type: string; min?: number; max?: number }[], words: Record<string, string | number>) {
  return Object.fromEntries(questions.map((q) => [q.questionId, words[q.questionId] ?? (q.type === 'rating' ? Math.round(((q.min ?? 1) + (q.max ?? 10)) / 2) : 'Still thinking about this one.')]));
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An amount in minor units as people read it, e.g. 54000 GBP → £540.00. */
const money = (amount: number, currency: string) => {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
};

export async function runDemo(base: string, outDir: string): Promise<void> {
  const local = new Api(base);
  const signIn = async (email: string) => new Api(base, (await local.must('POST', '/_local/token', { email })).token);
  const clockNow = async () => Date.parse((await local.must('GET', '/_local/clock')).now);
  const moveTo = async (ms: number) => {
    if (ms > (await clockNow())) await local.must('POST', '/_local/clock', { to: new Date(ms).toISOString() });
  };
  const run = randomUUID().slice(0, 6);
  const coachEmail = `maya.okafor+${run}@northwind-coaching.com`;
  const clientEmail = `daniel.reyes+${run}@example.net`;
  const people = { 'Maya (coach)': coachEmail, 'Daniel (client)': clientEmail };
  const inbox = new Inbox(local);
  const zone = 'Europe/London';
  const start = await clockNow();

  chapter('Maya sets up her practice');
  const coach = await signIn(coachEmail);
  await coach.must('PATCH', '/me', { displayName: 'Maya Okafor' });
  const org = await coach.must('POST', '/orgs', { name: 'Northwind Coaching', timeZone: zone });
  say(`Maya signs up and creates “${org.name}” (${zone}).`);
  const calendar = await coachCalendar(new Date(start + 2 * 86_400_000));
  try {
    const connected = await coach.must('PUT', `/orgs/${org.orgId}/calendar`, { icsUrl: calendar.url });
    say('She connects her own calendar, so sessions never land on her other commitments,');
    say(`and subscribes her phone to Rapport's feed of her sessions: ${connected.feedUrl.replace(/\.[A-Za-z0-9_-]{20,}\./, '.…secret….')}`);

    const program = await coach.must('POST', `/orgs/${org.orgId}/programs`, {
      type: 'one_to_one_coaching',
      name: 'Leading Through Change',
      totalSessions: 4,
      pricePerSession: { amount: 18000, currency: 'GBP' },
    });
    const url = `/orgs/${org.orgId}/programs/${program.programId}`;
    say(`She creates the program “${program.name}”: ${program.totalSessions} sessions at ${money(18000, 'GBP')} each, with an intake, prep and reflection forms ready.`);
    await coach.must('POST', `${url}/invites`, { email: clientEmail });
    say('She invites Daniel by email.');
    await inbox.news(people);

    chapter('Daniel joins');
    const link = /token=([^\s"&<]+)/.exec((await inbox.last(clientEmail)).text)?.[1];
    if (!link) throw new Error('The invitation carries no link');
    const client = await signIn(clientEmail);
    await client.must('PATCH', '/me', { displayName: 'Daniel Reyes' });
    await client.must('POST', `/invites/${decodeURIComponent(link)}/accept`, { timeZone: 'America/New_York' });
    await coach.must('POST', `${url}/publish`);
    say('Daniel follows the link in the email and joins from New York; Maya publishes the program.');
    const space = await client.must('GET', url);
    const activities = (kind: string) => space.sections.flatMap((s: Json) => s.modules.flatMap((m: Json) => m.activities)).filter((a: Json) => a.kind === kind);
    const [intake] = activities('intake');
    await client.must('PUT', `${url}/activities/${intake.activityId}/response`, {
      answers: answersFor(intake.questions, {
        story: 'I was promoted to lead my old team six months ago and I am still doing their work instead of leading it.',
        goals: 'Delegate with confidence and have one honest conversation a week that I would have avoided.',
        satisfaction: 4,
        success: 'My team runs a week without me and nothing falls over.',
      }),
    });
    say('He fills in his intake: where he stands (4/10) and what he wants to change.');
    await inbox.news(people);

    chapter('Booking the first two sessions');
    const week = 7 * 86_400_000;
    // Maya's day starts at 10:00 in London, 05:00 in New York: Daniel picks times from 09:00 his time.
    const clientHour = (iso: string) => Number(new Date(iso).toLocaleString('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }));
    const slotsFrom = async (from: number) =>
      ((await client.must('GET', `${url}/availability?from=${new Date(from).toISOString()}&to=${new Date(from + 2 * week).toISOString()}`)).slots as { start: string }[]).filter(
        (slot) => clientHour(slot.start) >= 9,
      );
    const first = await client.must('POST', `${url}/bookings`, { start: (await slotsFrom(start + 3 * 86_400_000))[0]!.start });
    const second = await client.must('POST', `${url}/bookings`, { start: (await slotsFrom(Date.parse(first.start) + week))[0]!.start });
    say(`Daniel books Session ${first.sessionNumber} for ${when(first.start, 'America/New_York')} (his time)`);
    say(`and Session ${second.sessionNumber} for ${when(second.start, 'America/New_York')}; both land in Maya's calendar feed.`);
    await inbox.news(people);

    chapter('The first session');
    await moveTo(Date.parse(first.start) - 25 * 3600_000);
    await moveTo(Date.parse(first.start) - 10 * 60_000);
    say('A day before, and again an hour before, both are reminded (the clock moves; the scheduled reminders fire):');
    await inbox.news(people);
    const [prep] = activities('session_prep');
    await client.must('PUT', `${url}/activities/${prep.activityId}/response`, { answers: answersFor(prep.questions, { focus: 'Handing the quarterly plan to my deputy' }) });
    const joined = await client.must('POST', `${url}/bookings/${first.bookingId}/join`);
    say(`Daniel writes his prep, and ten minutes before the start he joins${joined.joinUrl ? ` (${joined.joinUrl})` : ''}.`);
    await moveTo(Date.parse(first.end) + 60 * 60_000);
    say(`Session 1 is now ${(await coach.must('GET', `${url}/bookings/${first.bookingId}`)).status}.`);
    const [reflection] = activities('session_reflection');
    await client.must('PUT', `${url}/activities/${reflection.activityId}/response`, {
      answers: answersFor(reflection.questions, { takeaway: 'Delegating is a skill I can practise, not a trait.', commitments: 'Hand over the plan by Friday.', progress_rating: 6 }),
    });
    await coach.must('PUT', `${url}/bookings/${first.bookingId}/notes`, { body: 'Strong self-awareness; watch the urge to rescue.' }, [200, 201, 204]);
    await client.must('POST', `${url}/messages`, { body: 'Thank you — I already feel lighter about the plan.' });
    say('He writes his reflection (progress 6/10) and thanks Maya; she keeps private notes he never sees.');
    await inbox.news(people);

    chapter('Moving the second session');
    await moveTo(Date.parse(second.start) - 36 * 3600_000);
    let request: Json = null;
    for (const hours of [2, 3, 24, 25, 26, 48]) {
      const answer = await client.call('POST', `${url}/bookings/${second.bookingId}/reschedule`, { start: new Date(Date.parse(second.start) + hours * 3600_000).toISOString(), reason: 'A board meeting moved onto that slot' });
      if (answer.status === 202) {
        request = answer.body;
        break;
      }
    }
    if (!request) throw new Error('No later time was free to ask for');
    say(`A day and a half before Session 2, Daniel asks to move it to ${when(request.proposedStart, 'America/New_York')}: too close to move on his own, so it is a request.`);
    await inbox.news(people);
    const pending = await coach.must('GET', `${url}/reschedule-requests?status=pending`);
    const approved = await coach.must('POST', `${url}/reschedule-requests/${pending.items[0].requestId}/approve`);
    say(`Maya approves it; Session 2 now starts ${when(approved.booking.start, zone)} (her time).`);
    await inbox.news(people);

    chapter('A missed session');
    await moveTo(Date.parse(approved.booking.end) + 60 * 60_000);
    const missed = await coach.must('GET', `${url}/bookings/${second.bookingId}`);
    say(`Daniel is reminded but never joins; after the session the no-show check marks it “${missed.status}”.`);
    await inbox.news(people);

    chapter('The third session');
    const third = await client.must('POST', `${url}/bookings`, { start: (await slotsFrom((await clockNow()) + 86_400_000))[0]!.start });
    say(`Daniel books Session ${third.sessionNumber} for ${when(third.start, 'America/New_York')} (his time).`);
    await moveTo(Date.parse(third.start) - 10 * 60_000);
    await client.must('POST', `${url}/bookings/${third.bookingId}/join`);
    await moveTo(Date.parse(third.end) + 60 * 60_000);
    const [, , thirdReflection] = activities('session_reflection');
    await client.must('PUT', `${url}/activities/${thirdReflection.activityId}/response`, {
      answers: answersFor(thirdReflection.questions, { takeaway: 'The hard conversation went better than the one in my head.', commitments: 'Keep my Friday hour for the team.', progress_rating: 8 }),
    });
    say('Reminded again, he joins; afterwards he rates his progress 8/10.');
    await inbox.news(people);

    await outcomes({ coach, client, url, orgId: org.orgId, zone, start, outDir, activities, moveTo, inbox: () => inbox.news(people) });
  } finally {
    calendar.server.close();
  }
}

interface Engagement {
  coach: Api;
  client: Api;
  url: string;
  orgId: string;
  zone: string;
  /** When the story began (epoch ms). */
  start: number;
  outDir: string;
  activities: (kind: string) => Json[];
  moveTo: (ms: number) => Promise<void>;
  inbox: () => Promise<void>;
}

/** Ninety days on: the looking back, a review, the report with its chart, and the practice's numbers. */
async function outcomes({ coach, client, url, orgId, zone, start, outDir, activities, moveTo, inbox }: Engagement): Promise<void> {
  chapter('Ninety days on');
  await moveTo(start + 90 * 86_400_000);
  const [lookingBack] = activities('reflection_90_day');
  await client.must('PUT', `${url}/activities/${lookingBack.activityId}/response`, {
    answers: answersFor(lookingBack.questions, {
      story_now: 'I lead the team instead of doing its work; two of them now run the quarterly plan.',
      goals_reached: 'Delegating weekly, and one honest conversation most weeks.',
      satisfaction: 8,
    }),
  });
  say('Daniel writes his 90-day reflection: now 8/10, up from 4.');
  await coach.must('POST', `${url}/review-requests`);
  say('Maya asks him for a review.');
  await inbox();
  await client.must('POST', `${url}/reviews`, { rating: 5, body: 'Practical, kind and direct. I lead differently now.' });
  say('He gives five stars and a sentence.');
  await inbox();

  chapter('The report');
  for (const b of (await coach.must('GET', `${url}/bookings`)).items) say(`   Session ${b.sessionNumber}: ${when(b.start, zone)} — ${b.status}`);
  const report = await coach.must('GET', `${url}/report`);
  const s = report.sessions;
  say(`   Sessions: ${s.booked} booked — ${s.completed} held, ${s.noShow} missed, ${s.cancelled} cancelled, ${s.remaining} still to book.`);
  say(`   Progress ratings: ${report.progressRatings.map((r: Json) => `session ${r.sessionNumber} → ${r.rating}`).join(', ')}.`);
  say(`   Satisfaction: ${report.satisfaction.intake} at intake, ${report.satisfaction.final} after 90 days (${report.satisfaction.change >= 0 ? '+' : ''}${report.satisfaction.change}).`);
  const prep = report.activityCompletion.sessionPrep;
  say(`   Worksheets: ${prep.submitted} of ${count(prep.total, 'session prep')}, ${report.activityCompletion.sessionReflection.submitted} of ${count(report.activityCompletion.sessionReflection.total, 'reflection')}.`);
  const chart = await client.must('GET', `${url}/report/progress.svg`);
  await mkdir(outDir, { recursive: true });
  const chartFile = resolve(outDir, 'progress.svg');
  await writeFile(chartFile, chart);
  say(`   The progress chart (Daniel can see it too): ${chartFile} (${Buffer.byteLength(chart)} bytes of SVG).`);

  chapter("The practice's numbers");
  const from = new Date(start).toLocaleDateString('en-CA', { timeZone: zone });
  const to = new Date(start + 90 * 86_400_000).toLocaleDateString('en-CA', { timeZone: zone });
  const figures = await coach.must('GET', `/orgs/${orgId}/analytics?from=${from}&to=${to}`);
  say(`   From ${from} to ${to}: ${count(figures.sessionsCompleted, 'session')} held, ${count(figures.noShows, 'no-show')}, ${count(figures.cancellations, 'cancellation')}, ${count(figures.activeClients, 'active client')}.`);
  const retention = figures.clientRetentionRate === null ? 'not measured yet (no client had sessions in the period before)' : `${Math.round(figures.clientRetentionRate * 100)} %`;
  say(`   Average rating ${figures.averageRating ?? '—'} from ${count(figures.reviews, 'review')}; retention ${retention}.`);
  for (const r of figures.revenue) say(`   Revenue ${r.month}: ${money(r.amount, r.currency)} (held sessions and the missed one, which is still paid for).`);
  const log = await coach.must('GET', `/orgs/${orgId}/coaching-log.csv?from=${from}&to=${to}`);
  say(`   Her coaching log for credential hours: ${count(String(log).trim().split('\r\n').length - 1, 'completed session')}, as CSV.`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const port = Number(process.env.PORT ?? 3000);
  const running = `http://127.0.0.1:${port}`;
  let stack: LocalStack | null = null;
  let exitCode = 0;
  try {
    if (await runningAt(running)) {
      say(`Using the local stack running at ${running}.`);
    } else {
      say(`No stack answers at ${running}; starting one in this process (in-memory data, its own clock)…`);
      // Imported only now, so the handlers' loggers see the quiet level set above.
      const { startLocalStack } = await import('./stack');
      stack = await startLocalStack({
        port: 0,
        dynamoEndpoint: process.env.DYNAMO_ENDPOINT || undefined,
        tableName: `rapport-demo-${randomUUID().slice(0, 8)}`,
        clock: { startAt: Date.parse('2027-03-01T08:00:00Z'), frozen: true },
      });
    }
    await runDemo(stack?.url ?? running, resolve(process.env.DEMO_OUT ?? 'demo-output'));
    say('\nThe end.');
  } catch (error) {
    console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  } finally {
    await stack?.stop();
  }
  process.exit(exitCode);
}
