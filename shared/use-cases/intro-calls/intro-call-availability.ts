import { availableSlots } from '../../domain/availability/available-slots';
import { invalidField, notFound } from '../../domain/errors';
import { INTRO_CALL_LIMITS } from '../../domain/intro-calls/abuse-limits';
import { INTRO_CALL_RULES, openIntroCalls } from '../../domain/intro-calls/intro-call';
import { minutesToInstant, toEpochMinutes } from '../../domain/time/instant';
import { requireWithinLimit, type IntroCallDeps } from './intro-call-deps';

/**
 * The free intro-call slots of an org, for anyone: times only. The coach's other calls and
 * sessions are busy time here and nothing more: no titles, no names, no programs. An org that does
 * not exist and one that takes no intro calls answer the same 404.
 * Reads: the org (one GetItem, with its settings and schedule) and the coach's calendar (one
 * Query); the stored busy time of the coach's calendar comes with the org. Nothing is fetched; the
 * caller's address is counted meanwhile.
 */
export async function introCallAvailability(deps: Omit<IntroCallDeps, 'outbox' | 'transaction'>, orgId: string, query: { from: number; to: number }, sourceIp: string) {
  const from = toEpochMinutes(query.from);
  const to = Math.ceil(query.to / 60_000);
  const [ctx] = await Promise.all([deps.introCalls.context(orgId, { busy: { from: from - 1440, to: to + 1440 } }), requireWithinLimit(deps, INTRO_CALL_LIMITS.readsPerIp, sourceIp)]);
  const open = openIntroCalls(ctx.org);
  if (!open) throw notFound();
  if (to <= from) throw invalidField('query.to', 'Must be after from.');
  if (to - from > INTRO_CALL_RULES.maxRangeDays * 1440) throw invalidField('query.to', `Ask for at most ${INTRO_CALL_RULES.maxRangeDays} days at a time.`);

  const { org, settings, schedule } = open;
  const sessions = await deps.calendar.between(org.coachUserId, from, to);
  const slots = availableSlots({
    schedule,
    from,
    to,
    now: toEpochMinutes(deps.clock.now()),
    durationMinutes: settings.durationMinutes,
    sessions: sessions.map((s) => ({ start: s.start, end: s.blockedUntil })),
    events: ctx.busy.events,
    usedByWeek: new Map(),
    remaining: 1,
  });
  return {
    coachName: org.name,
    timeZone: schedule.timeZone,
    durationMinutes: settings.durationMinutes,
    questions: settings.questions,
    slots: slots.map((slot) => ({ start: minutesToInstant(slot.start), end: minutesToInstant(slot.end) })),
  };
}
