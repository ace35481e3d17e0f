import { notFound } from '../../domain/errors';
import { INTRO_CALL_LIMITS } from '../../domain/intro-calls/abuse-limits';
import { INTRO_CALL_RULES, openIntroCalls } from '../../domain/intro-calls/intro-call';
import { freeSlots, requestedRange } from '../bookings/availability';
import { requireWithinLimit, type IntroCallDeps } from './intro-call-deps';

/**
 * The free intro-call slots of an org, for anyone: times only. The coach's other calls and
 * sessions are busy time here and nothing more: no titles, no names, no programs. An org that does
 * not exist and one that takes no intro calls answer the same 404.
 * Reads: the org (one GetItem, with its settings and schedule) and the coach's calendar (one
 * Query); the stored busy time of the coach's calendar comes with the org. Nothing is fetched; the
 * caller's address is counted meanwhile. The range is checked first: it decides how much is read.
 */
export async function introCallAvailability(deps: Omit<IntroCallDeps, 'outbox' | 'transaction'>, orgId: string, query: { from: number; to: number }, sourceIp: string) {
  const { from, to } = requestedRange(query, INTRO_CALL_RULES.maxRangeDays);
  const [ctx] = await Promise.all([deps.introCalls.context(orgId, { busy: { from: from - 1440, to: to + 1440 } }), requireWithinLimit(deps, INTRO_CALL_LIMITS.readsPerIp, sourceIp)]);
  const open = openIntroCalls(ctx.org);
  if (!open) throw notFound();

  const { org, settings, schedule } = open;
  const slots = await freeSlots(deps, org.coachUserId, {
    schedule,
    from,
    to,
    durationMinutes: settings.durationMinutes,
    events: ctx.busy.events,
    usedByWeek: new Map(),
    remaining: 1,
  });
  return {
    coachName: org.name,
    timeZone: schedule.timeZone,
    durationMinutes: settings.durationMinutes,
    questions: settings.questions,
    slots,
  };
}
