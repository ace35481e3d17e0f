import { conflict, notFound } from '../../domain/errors';
import { ID_PATTERN, secretMatches } from '../../domain/ids';
import { INTRO_CALL_LIMITS } from '../../domain/intro-calls/abuse-limits';
import { openIntroCalls, type IntroCall } from '../../domain/intro-calls/intro-call';
import { lockBlocks, moveBlocks } from '../../domain/bookings/time-locks';
import type { Org } from '../../domain/orgs/org';
import { emailEffects, syncSchedules } from '../../domain/outbox/outbox-entry';
import { formatInstant, toEpochMinutes } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import { TransactionRefused } from '../../data/write-transaction';
import { introCallCancelledEmails, introCallMovedEmails } from '../../emails/intro-call-emails';
import type { Caller } from '../../http/http-event';
import { busyAround, requireOfferedTime, slotUnavailable } from '../bookings/session-time';
import type { CalendarBusy } from '../../data/busy-time';
import { requireCoach, type OrgReader } from '../orgs/access';
import { stageEffects } from '../outbox/relay';
import { calendarEntryForIntroCall, introCallParties, requireWithinLimit, type IntroCallChangeDeps, type IntroCallDeps } from './intro-call-deps';
import { coachIntroCallView, prospectIntroCallView } from './intro-call-view';
import { domainEvent } from '../../domain/events/domain-event';
import { introCallEventData } from '../../domain/events/event-data';

const ATTEMPTS = 4;

/** The call and org a prospect's link opens; anything wrong with the link is a 404. */
async function openByToken(deps: Pick<IntroCallDeps, 'introCalls'>, token: string, busy?: { from: number; to: number }): Promise<{ org: Org; call: IntroCall; token: string; busy: CalendarBusy }> {
  const [orgId, introCallId, secret, ...rest] = token.split('.');
  if (!orgId || !introCallId || !secret || rest.length > 0 || !ID_PATTERN.test(orgId) || !ID_PATTERN.test(introCallId)) throw notFound();
  const { org, call, busy: calendar } = await deps.introCalls.context(orgId, { introCallId, busy });
  if (!org || !call || !secretMatches(secret, call.secretHash)) throw notFound();
  return { org, call, token, busy: calendar };
}

function requireChangeable(call: IntroCall, now: number): void {
  if (call.status !== 'confirmed') throw conflict('intro_call_not_active', 'This intro call is already cancelled.');
  if (now >= call.start) throw conflict('intro_call_started', 'This intro call has already started; it can no longer be changed.');
}

/** The prospect's view of their call, through their link. */
export async function getIntroCallByToken(deps: Pick<IntroCallDeps, 'introCalls' | 'rateLimits' | 'clock'>, token: string, sourceIp: string) {
  const [{ org, call }] = await Promise.all([openByToken(deps, token), requireWithinLimit(deps, INTRO_CALL_LIMITS.readsPerIp, sourceIp)]);
  return prospectIntroCallView(call, org, toEpochMinutes(deps.clock.now()));
}

/** The prospect cancels through their link: the time is free again at once. */
export async function cancelIntroCallByToken(deps: IntroCallChangeDeps, token: string, sourceIp: string, reason?: string) {
  await requireWithinLimit(deps, INTRO_CALL_LIMITS.writesPerIp, sourceIp);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { org, call } = await openByToken(deps, token);
    const cancelled = await tryCancel(deps, org, call, 'prospect', reason ?? null, token);
    if (cancelled) return prospectIntroCallView(cancelled, org, toEpochMinutes(deps.clock.now()));
  }
  throw changedElsewhere();
}

/** The coach cancels one of their intro calls. */
export async function cancelIntroCallAsCoach(deps: IntroCallChangeDeps & { orgs: OrgReader }, caller: Caller, orgId: string, introCallId: string, reason?: string) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const org = await requireCoach(deps.orgs, orgId, caller);
    const call = await deps.introCalls.get(orgId, introCallId);
    if (!call) throw notFound();
    const cancelled = await tryCancel(deps, org, call, 'coach', reason ?? null, null);
    if (cancelled) return coachIntroCallView(cancelled, toEpochMinutes(deps.clock.now()));
  }
  throw changedElsewhere();
}

const changedElsewhere = () => conflict('concurrent_update', 'This intro call is being changed elsewhere; try again.');

/**
 * One transaction: the call cancelled (next SEQUENCE), its calendar entry and time locks released,
 * the email's upcoming calls updated, and the outbox entry with both cancellations and the
 * reminders removed. Null when the call changed since it was read (the caller reads again).
 */
async function tryCancel(deps: IntroCallChangeDeps, org: Org, call: IntroCall, by: 'coach' | 'prospect', reason: string | null, token: string | null): Promise<IntroCall | null> {
  const nowMs = deps.clock.now();
  requireChangeable(call, toEpochMinutes(nowMs));
  const at = formatInstant(nowMs);
  const cancelled: IntroCall = { ...call, status: 'cancelled', sequence: call.sequence + 1, version: call.version + 1, updatedAt: at, cancelledAt: at, cancelledBy: by, cancelReason: reason };
  const tx = deps.transaction()
    .add(deps.introCalls.replaceCallItem(cancelled, call.version), 'call')
    .add(deps.calendar.removeSessionItem(call.coachUserId, call.start, call.introCallId), 'calendar')
    .add(deps.introCalls.prospectCallChangedItem(call.orgId, call.email, call.introCallId, null), 'prospect');
  for (const item of deps.calendar.releaseItems(call.coachUserId, lockBlocks(call.start, call.blockedUntil), call.introCallId)) tx.add(item, 'lock');
  stageEffects(deps, tx, keys.introPartition(call.orgId), [
    ...emailEffects(introCallCancelledEmails(cancelled, introCallParties(org, deps, token), nowMs)),
    syncSchedules({ kind: 'introCall', orgId: call.orgId, introCallId: call.introCallId }),
    domainEvent('intro_call.cancelled', call.orgId, introCallEventData(cancelled), nowMs),
  ]);
  try {
    await tx.commit();
    return cancelled;
  } catch (error) {
    if (error instanceof TransactionRefused) return null;
    throw error;
  }
}

/**
 * The prospect moves their call through their link, to a time the intro-call schedule offers now.
 * One transaction moves it like a session move: the call (next SEQUENCE), its calendar entry, the
 * locks it no longer needs released and the new ones taken, the email's upcoming calls, and the
 * outbox entry with updated invitations and reminders.
 */
export async function rescheduleIntroCallByToken(deps: IntroCallDeps, token: string, sourceIp: string, input: { start: number }) {
  await requireWithinLimit(deps, INTRO_CALL_LIMITS.writesPerIp, sourceIp);
  if (input.start % 60_000 !== 0) throw slotUnavailable();
  const start = toEpochMinutes(input.start);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { org, call, busy } = await openByToken(deps, token, busyAround(start));
    const open = openIntroCalls(org);
    if (!open) throw notFound();
    const nowMs = deps.clock.now();
    const now = toEpochMinutes(nowMs);
    requireChangeable(call, now);
    if (start === call.start) return prospectIntroCallView(call, org, now);
    const time = requireOfferedTime(busy, open, undefined, start, call.end - call.start, nowMs);

    const moved: IntroCall = {
      ...call,
      start: time.start,
      end: time.end,
      blockedUntil: time.blockedUntil,
      scheduleId: open.settings.scheduleId,
      sequence: call.sequence + 1,
      version: call.version + 1,
      updatedAt: formatInstant(nowMs),
      reminded24h: null,
      reminded1h: null,
    };
    const coach = call.coachUserId;
    const tx = deps.transaction()
      .add(deps.introCalls.replaceCallItem(moved, call.version), 'call')
      .add(deps.calendar.removeSessionItem(coach, call.start, call.introCallId), 'calendar')
      .add(deps.calendar.sessionItem(coach, calendarEntryForIntroCall(moved, nowMs)), 'calendar')
      .add(deps.introCalls.prospectCallChangedItem(call.orgId, call.email, call.introCallId, moved.start), 'prospect');
    const { release, acquire } = moveBlocks({ start: call.start, until: call.blockedUntil }, { start: moved.start, until: moved.blockedUntil });
    for (const item of deps.calendar.releaseItems(coach, release, call.introCallId)) tx.add(item, 'release');
    for (const item of deps.calendar.lockItems(coach, acquire, call.introCallId, moved.blockedUntil)) tx.add(item, 'lock');
    stageEffects(deps, tx, keys.introPartition(call.orgId), [
      ...emailEffects(introCallMovedEmails(moved, call, introCallParties(org, deps, token), nowMs)),
      syncSchedules({ kind: 'introCall', orgId: moved.orgId, introCallId: moved.introCallId }),
    ]);
    try {
      await tx.commit();
      return prospectIntroCallView(moved, org, now);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (error.failed.includes('lock')) throw slotUnavailable();
    }
  }
  throw changedElsewhere();
}
