import { ProfilesRepository } from '../../shared/data/profiles-repository';
import { randomUUID } from 'node:crypto';
import { readBusyTime } from '../../shared/adapters/calendar/busy-time-reader';
import { loadBookingContext } from '../../shared/data/booking-context';
import { BookingsRepository } from '../../shared/data/bookings-repository';
import { CoachCalendarRepository } from '../../shared/data/coach-calendar-repository';
import { IntroCallsRepository } from '../../shared/data/intro-calls-repository';
import { InvitesRepository } from '../../shared/data/invites-repository';
import { MessagesRepository } from '../../shared/data/messages-repository';
import { OrgsRepository } from '../../shared/data/orgs-repository';
import { OutboxRepository } from '../../shared/data/outbox-repository';
import { ProgramsRepository } from '../../shared/data/programs-repository';
import { RescheduleRequestsRepository } from '../../shared/data/reschedule-requests-repository';
import { StatsRepository } from '../../shared/data/stats-repository';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { CalendarSyncRepository } from '../../shared/data/calendar-sync-repository';
import { unprocessable, type AppError } from '../../shared/domain/errors';
import type { Caller } from '../../shared/http/http-event';
import type { CreateScheduleBody } from '../../shared/http/schemas/schedules';
import type { BookingDeps } from '../../shared/use-cases/bookings/booking-deps';
import type { BusyTimeRequest, CalendarSource, FetchedFeed } from '../../shared/use-cases/calendar/calendar-source';
import { connectCalendar } from '../../shared/use-cases/calendar/connect-calendar';
import type { CalendarSyncDeps } from '../../shared/use-cases/calendar/sync-busy-time';
import { createOrg } from '../../shared/use-cases/orgs/create-org';
import { updateOrg } from '../../shared/use-cases/orgs/update-org';
import type { IntroCallDeps } from '../../shared/use-cases/intro-calls/intro-call-deps';
import { RateLimitsRepository } from '../../shared/data/rate-limits-repository';
import { createProgram, type CreateProgramDeps } from '../../shared/use-cases/programs/create-program';
import { bookSession } from '../../shared/use-cases/bookings/book-session';
import { createSchedule } from '../../shared/use-cases/schedules/schedule-use-cases';
import type { TestTable } from './dynamo';
import { emptyCalendar } from './ics-server';
import { aCaller, aWeekdaySchedule } from './scenarios';
import type { TestClock } from './test-clock';

/**
 * A coach's calendar server without the network (the fetcher has tests of its own against a real
 * loopback server): it serves, at its own URL, the ICS text a test sets, or fails as the test says.
 * Reading the feed is the real reader. `StubCalendarSource.network` serves every stub by URL, as
 * the internet does for the background refresh.
 */
export class StubCalendarSource implements CalendarSource {
  private static readonly byUrl = new Map<string, StubCalendarSource>();
  static readonly network: CalendarSource = {
    fetch: (url) => {
      const stub = StubCalendarSource.byUrl.get(url);
      return stub ? stub.fetch() : Promise.reject(unprocessable('calendar_unreachable', 'No such test calendar.'));
    },
    read: (text, request) => readBusyTime(text, request),
  };

  readonly url = `https://calendar.test/${randomUUID()}.ics`;
  ics = emptyCalendar();
  failure: AppError | null = null;
  fetches = 0;

  constructor() {
    StubCalendarSource.byUrl.set(this.url, this);
  }

  async fetch(): Promise<FetchedFeed> {
    this.fetches++;
    if (this.failure) throw this.failure;
    return { kind: 'fresh', text: this.ics, etag: null, lastModified: null };
  }

  read(text: string, request: BusyTimeRequest) {
    return readBusyTime(text, request);
  }
}

/** Links as the local stack makes them: a fixed join-link key, test hosts. */
export const testLinks = { appUrl: 'https://app.test', apiUrl: 'https://api.test', senderEmail: 'sessions@practice.test', joinKey: async () => Buffer.alloc(32, 7) };

export const calendarSyncDepsFor = (table: TestTable, clock: TestClock, source: CalendarSource): CalendarSyncDeps => ({
  sync: new CalendarSyncRepository(table),
  sessions: new CoachCalendarRepository(table),
  source,
  clock,
});

/** Connects (or reconnects) the org's calendar through the real use case, reading whatever `source` serves. */
export async function connectTestCalendar(table: TestTable, clock: TestClock, coach: Caller, orgId: string, source = new StubCalendarSource()) {
  return connectCalendar({ ...calendarSyncDepsFor(table, clock, source), orgs: new OrgsRepository(table) }, coach, orgId, source.url, 'https://api.test');
}

export function bookingDepsFor(table: TestTable, clock: TestClock): BookingDeps {
  return {
    context: (ref) => loadBookingContext(table, ref),
    bookings: new BookingsRepository(table),
    requests: new RescheduleRequestsRepository(table),
    calendar: new CoachCalendarRepository(table),
    outbox: new OutboxRepository(table),
    stats: new StatsRepository(table),
    transaction: () => new WriteTransaction(table),
    clock,
    links: testLinks,
  };
}

/** A coach with an org, a connected calendar (served by `calendar`, empty to begin with) and one schedule. */
export async function aCoachOrg(table: TestTable, clock: TestClock, schedule: Partial<CreateScheduleBody> = {}, calendar = new StubCalendarSource()) {
  const orgs = new OrgsRepository(table);
  const coach = aCaller('coach');
  const { orgId } = await createOrg({ orgs, profiles: new ProfilesRepository(table), clock }, coach, { name: 'Northwind Coaching', timeZone: 'Europe/London' }, 'https://api.test');
  await connectTestCalendar(table, clock, coach, orgId, calendar);
  const { scheduleId } = await createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule(schedule));
  return { coach, orgId, scheduleId, calendar };
}

export function programDepsFor(table: TestTable, clock: TestClock): CreateProgramDeps {
  return {
    orgs: new OrgsRepository(table),
    programs: new ProgramsRepository(table),
    messages: new MessagesRepository(table),
    introCalls: new IntroCallsRepository(table),
    invites: new InvitesRepository(table),
    outbox: new OutboxRepository(table),
    quotas: new RateLimitsRepository(table),
    appUrl: 'https://app.test',
    transaction: () => new WriteTransaction(table),
    clock,
  };
}

/** A published program of that coach with a joined client. */
export async function aBookableProgram(
  table: TestTable,
  clock: TestClock,
  org: { coach: Caller; orgId: string; scheduleId: string },
  fields: { totalSessions?: number; quickCheckIns?: boolean } = {},
) {
  const programs = new ProgramsRepository(table);
  const program = await createProgram(programDepsFor(table, clock), org.coach, org.orgId, { type: 'one_to_one_coaching', scheduleId: org.scheduleId, ...fields });
  const client = aCaller('client');
  await new WriteTransaction(table).add(programs.bindClientItem(org.orgId, program.programId, { userId: client.userId, email: client.email, timeZone: 'America/New_York' }, 'x')).commit();
  await programs.publish(org.orgId, program.programId, 'x');
  return { programId: program.programId, client, ref: { orgId: org.orgId, programId: program.programId } };
}

/** A coach's org and a bookable program in which the client has booked a coaching session at `start` (epoch ms). */
export async function aBookedSession(table: TestTable, clock: TestClock, start: number) {
  const org = await aCoachOrg(table, clock);
  const program = await aBookableProgram(table, clock, org);
  const deps = bookingDepsFor(table, clock);
  const booked = await bookSession(deps, program.client, program.ref, { packageId: 'coaching', start });
  return { org, program, deps, booked };
}

export function introCallDepsFor(table: TestTable, clock: TestClock): IntroCallDeps {
  return {
    introCalls: new IntroCallsRepository(table),
    calendar: new CoachCalendarRepository(table),
    rateLimits: new RateLimitsRepository(table),
    outbox: new OutboxRepository(table),
    transaction: () => new WriteTransaction(table),
    clock,
    appUrl: 'https://app.test',
    senderEmail: 'sessions@practice.test',
  };
}

/** The coach's org taking intro calls from its schedule. */
export async function anOrgTakingIntroCalls(table: TestTable, clock: TestClock, org: { coach: Caller; orgId: string; scheduleId: string }) {
  await updateOrg({ orgs: new OrgsRepository(table), outbox: new OutboxRepository(table), transaction: () => new WriteTransaction(table), clock }, org.coach, org.orgId, { introCalls: { enabled: true, scheduleId: org.scheduleId, durationMinutes: 15, questions: [] } }, 'https://api.test');
}
