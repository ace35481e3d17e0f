import { randomUUID } from 'node:crypto';
import type { CalendarFeeds } from '../../shared/adapters/calendar/calendar-feeds';
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
import { WriteTransaction } from '../../shared/data/write-transaction';
import type { Interval } from '../../shared/domain/time/interval';
import type { Caller } from '../../shared/http/http-event';
import type { CreateScheduleBody } from '../../shared/http/schemas/schedules';
import type { BookingDeps } from '../../shared/use-cases/bookings/booking-deps';
import { createOrg } from '../../shared/use-cases/orgs/create-org';
import { updateOrg } from '../../shared/use-cases/orgs/update-org';
import type { IntroCallDeps } from '../../shared/use-cases/intro-calls/intro-call-deps';
import { RateLimitsRepository } from '../../shared/data/rate-limits-repository';
import { createProgram } from '../../shared/use-cases/programs/create-program';
import { createSchedule } from '../../shared/use-cases/schedules/schedule-use-cases';
import type { TestTable } from './dynamo';
import { aCaller, aWeekdaySchedule } from './scenarios';
import type { TestClock } from './test-clock';

/** A coach's calendar feed as the use cases see it: events set by the test. */
export class FakeCalendarFeeds implements Pick<CalendarFeeds, 'busy'> {
  events: Interval[] = [];
  async busy(_url: string, from: number, to: number): Promise<Interval[]> {
    return this.events.filter((e) => e.end > from && e.start < to);
  }
}

export function bookingDepsFor(table: TestTable, clock: TestClock, feeds = new FakeCalendarFeeds()): BookingDeps {
  return {
    context: (ref) => loadBookingContext(table, ref),
    bookings: new BookingsRepository(table),
    requests: new RescheduleRequestsRepository(table),
    calendar: new CoachCalendarRepository(table),
    feeds,
    outbox: new OutboxRepository(table),
    transaction: () => new WriteTransaction(table),
    clock,
    appUrl: 'https://app.test',
  };
}

/** A coach with an org, a connected calendar and one schedule. */
export async function aCoachOrg(table: TestTable, clock: TestClock, schedule: Partial<CreateScheduleBody> = {}) {
  const orgs = new OrgsRepository(table);
  const coach = aCaller('coach');
  const { orgId } = await createOrg({ orgs, clock }, coach, { name: 'Northwind Coaching', timeZone: 'Europe/London' }, 'https://api.test');
  await orgs.connectCalendar(orgId, { icsUrl: 'https://calendar.test/coach.ics', connectedAt: 'x' }, { secret: randomUUID(), createdAt: 'x' }, 'x');
  const { scheduleId } = await createSchedule({ orgs, clock }, coach, orgId, aWeekdaySchedule(schedule));
  return { coach, orgId, scheduleId };
}

/** A published program of that coach with a joined client. */
export async function aBookableProgram(
  table: TestTable,
  clock: TestClock,
  org: { coach: Caller; orgId: string; scheduleId: string },
  fields: { totalSessions?: number; quickCheckIns?: boolean } = {},
) {
  const programs = new ProgramsRepository(table);
  const program = await createProgram(
    {
      orgs: new OrgsRepository(table),
      programs,
      messages: new MessagesRepository(table),
      introCalls: new IntroCallsRepository(table),
      invites: new InvitesRepository(table),
      outbox: new OutboxRepository(table),
      appUrl: 'https://app.test',
      transaction: () => new WriteTransaction(table),
      clock,
    },
    org.coach,
    org.orgId,
    { type: 'one_to_one_coaching', scheduleId: org.scheduleId, ...fields },
  );
  const client = aCaller('client');
  await new WriteTransaction(table).add(programs.bindClientItem(org.orgId, program.programId, { userId: client.userId, email: client.email, timeZone: 'America/New_York' }, 'x')).commit();
  await programs.publish(org.orgId, program.programId, 'x');
  return { programId: program.programId, client, ref: { orgId: org.orgId, programId: program.programId } };
}

export function introCallDepsFor(table: TestTable, clock: TestClock, feeds = new FakeCalendarFeeds()): IntroCallDeps {
  return {
    introCalls: new IntroCallsRepository(table),
    calendar: new CoachCalendarRepository(table),
    feeds,
    rateLimits: new RateLimitsRepository(table),
    outbox: new OutboxRepository(table),
    transaction: () => new WriteTransaction(table),
    clock,
    appUrl: 'https://app.test',
  };
}

/** The coach's org taking intro calls from its schedule. */
export async function anOrgTakingIntroCalls(table: TestTable, clock: TestClock, org: { coach: Caller; orgId: string; scheduleId: string }) {
  await updateOrg({ orgs: new OrgsRepository(table), clock }, org.coach, org.orgId, { introCalls: { enabled: true, scheduleId: org.scheduleId, durationMinutes: 15, questions: [] } }, 'https://api.test');
}
