import { conflict, notFound, tooManyRequests, validationFailed } from '../../domain/errors';
import { lockBlocks } from '../../domain/bookings/time-locks';
import { INTRO_CALL_LIMITS } from '../../domain/intro-calls/abuse-limits';
import { collectAnswers, INTRO_CALL_RULES, openIntroCalls, upcomingStarts, type IntroCall } from '../../domain/intro-calls/intro-call';
import { hashSecret, newSecret, sortableId } from '../../domain/ids';
import { emailEffects, syncSchedules } from '../../domain/outbox/outbox-entry';
import { windowAt, retryAfterSeconds } from '../../domain/rate-limits/rate-limit';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import { introCallBookedEmails } from '../../emails/intro-call-emails';
import type { BookIntroCallBody } from '../../http/schemas/intro-calls';
import { busyAround, slotUnavailable, requireOfferedTime } from '../bookings/session-time';
import { stageEffects } from '../outbox/relay';
import { calendarEntryForIntroCall, introCallParties, manageTokenOf, requireWithinLimit, type IntroCallDeps } from './intro-call-deps';
import { prospectIntroCallView } from './intro-call-view';
import { domainEvent } from '../../domain/events/domain-event';
import { introCallEventData } from '../../domain/events/event-data';

const MAX_ATTEMPTS = 6;

const tooManyUpcoming = (retryAfter: number) =>
  tooManyRequests(retryAfter, `This email already has ${INTRO_CALL_RULES.maxUpcomingPerEmail} upcoming intro calls with this coach; cancel one, or book after one has taken place.`);

const dailyLimitReached = (nowMs: number) =>
  tooManyRequests(
    retryAfterSeconds(windowAt(INTRO_CALL_LIMITS.bookingsPerEmail, nowMs), nowMs),
    `This email has booked ${INTRO_CALL_LIMITS.bookingsPerEmail.limit} intro calls today; try again tomorrow.`,
  );

/**
 * Books a free intro call for anyone, with ONE TransactWriteItems that takes the coach's time
 * exactly as a session does — the call, its entry in the coach's calendar and a lock per 5-minute
 * block of the call and its buffer in the COACH's partition — so an intro call and a session can
 * never overlap, whichever comes first and however they race. The same transaction keeps the
 * email's upcoming calls (at most 3 per org) and its daily count, and records the outbox entry
 * with both invitations and the two reminders.
 */
export async function bookIntroCall(deps: IntroCallDeps, orgId: string, input: BookIntroCallBody, sourceIp: string) {
  await requireWithinLimit(deps, INTRO_CALL_LIMITS.writesPerIp, sourceIp);
  if (input.start % 60_000 !== 0) throw slotUnavailable();
  const start = toEpochMinutes(input.start);

  for (let attempt = 0; ; attempt++) {
    const ctx = await deps.introCalls.context(orgId, { email: input.email, busy: busyAround(start) });
    const open = openIntroCalls(ctx.org);
    if (!open) throw notFound();
    const { org, settings, schedule } = open;
    const { answers, violations } = collectAnswers(settings.questions, input.answers ?? {});
    if (violations.length > 0) throw validationFailed(violations);

    const nowMs = deps.clock.now();
    const now = toEpochMinutes(nowMs);
    const upcoming = upcomingStarts(ctx.prospect.upcoming, now);
    if (upcoming.length >= INTRO_CALL_RULES.maxUpcomingPerEmail) throw tooManyUpcoming(((upcoming[0] ?? now) - now) * 60 - Math.floor((nowMs / 1000) % 60));
    const time = requireOfferedTime(ctx.busy, { schedule }, undefined, start, settings.durationMinutes, nowMs);

    const secret = newSecret();
    const at = formatInstant(nowMs);
    const call: IntroCall = {
      introCallId: deps.newId?.() ?? sortableId(nowMs),
      orgId,
      coachUserId: org.coachUserId,
      scheduleId: settings.scheduleId,
      name: input.name,
      email: input.email,
      timeZone: input.timeZone,
      answers,
      start: time.start,
      end: time.end,
      blockedUntil: time.blockedUntil,
      status: 'confirmed',
      sequence: 0,
      secretHash: hashSecret(secret),
      createdAt: at,
      updatedAt: at,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
      reminded24h: null,
      reminded1h: null,
      programId: null,
      version: 1,
    };
    const stillUpcoming = Object.fromEntries(Object.entries(ctx.prospect.upcoming).filter(([, s]) => s > now));
    const tx = deps.transaction()
      .add(deps.introCalls.newCallItem(call), 'call')
      .add(deps.calendar.sessionItem(org.coachUserId, calendarEntryForIntroCall(call, nowMs)), 'calendar')
      .add(deps.introCalls.prospectItem(orgId, call.email, ctx.prospect, { ...stillUpcoming, [call.introCallId]: call.start }), 'prospect')
      .add(deps.rateLimits.takeItem(INTRO_CALL_LIMITS.bookingsPerEmail, call.email, nowMs), 'daily');
    for (const lock of deps.calendar.lockItems(org.coachUserId, lockBlocks(call.start, call.blockedUntil), call.introCallId, call.blockedUntil)) tx.add(lock, 'lock');
    stageEffects(deps, tx, keys.introPartition(orgId), [
      ...emailEffects(introCallBookedEmails(call, introCallParties(org, deps, manageTokenOf(call, secret)), nowMs)),
      syncSchedules({ kind: 'introCall', orgId: call.orgId, introCallId: call.introCallId }),
      domainEvent('intro_call.booked', call.orgId, introCallEventData(call), nowMs),
    ]);

    try {
      await tx.commit();
      return prospectIntroCallView(call, org, now);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (error.failed.includes('lock')) throw slotUnavailable();
      if (error.failed.includes('daily')) throw dailyLimitReached(nowMs);
      // The email's calls changed meanwhile (another booking or cancellation), or contention: decide again.
      if (attempt + 1 >= MAX_ATTEMPTS) {
        throw error.failed.includes('prospect') ? conflict('concurrent_update', 'Calls for this email are being booked elsewhere at the same moment; try again.') : slotUnavailable();
      }
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}
