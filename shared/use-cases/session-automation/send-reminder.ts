import type { ReminderPayload } from '../../domain/bookings/session-schedules';
import { sessionMailEffects } from '../../domain/outbox/session-mail';
import { findActivity, sessionModules } from '../../domain/programs/structure-edits';
import { toEpochMinutes } from '../../domain/time/instant';
import type { ActionItemsRepository } from '../../data/action-items-repository';
import { keys } from '../../data/keys';
import type { ProgramsRepository } from '../../data/programs-repository';
import type { WorksheetsRepository } from '../../data/worksheets-repository';
import type { ClientPreparation } from '../../domain/outbox/session-mail';
import type { Booking } from '../../domain/bookings/booking';
import { stageEffects } from '../outbox/relay';
import { decideAgainOnRefusal, type AutomationOutcome } from './automation-outcome';
import { scopeOf, type SessionDeps } from '../bookings/booking-deps';

export interface ReminderDeps extends SessionDeps {
  programs: Pick<ProgramsRepository, 'getFull'>;
  worksheets: Pick<WorksheetsRepository, 'get'>;
  actionItems: Pick<ActionItemsRepository, 'list'>;
}

/**
 * Sends one reminder, once. Scheduler delivers at least once and possibly late, and the session
 * may have moved or ended since the schedule was made: a delivery for another start, a session no
 * longer confirmed, or one already under way does nothing, and the conditional write that marks
 * the reminder sent (in the same transaction as its emails) stops a second delivery.
 */
export async function sendReminder(deps: ReminderDeps, payload: ReminderPayload): Promise<AutomationOutcome> {
  const ref = { orgId: payload.orgId, programId: payload.programId };
  // A refused write (another change of the booking got in between, or plain contention) is decided
  // again on a fresh read: the fresh booking says whether the reminder is still owed.
  return decideAgainOnRefusal(async () => {
    const ctx = await deps.context({ ...ref, bookingId: payload.bookingId });
    const booking = ctx.booking;
    const scope = scopeOf(ctx);
    if (!booking || !scope || booking.status !== 'confirmed' || booking.start !== payload.start) return 'stale';
    const already = payload.lead === '24h' ? booking.reminded24h : booking.reminded1h;
    if (already === booking.start) return 'already_done';
    const nowMs = deps.clock.now();
    if (toEpochMinutes(nowMs) >= booking.start) return 'too_late';

    const preparation = await clientPreparation(deps, booking);
    const tx = deps.transaction().add(deps.bookings.remindedItem(booking, payload.lead, payload.start), 'booking');
    stageEffects(deps, tx, keys.programPartition(ref.orgId, ref.programId), sessionMailEffects(booking, { kind: 'reminder', lead: payload.lead, preparation }));
    await tx.commit();
    return 'done';
  });
}

/** Whether the session's prep form is still empty, and what the client has not ticked off yet. */
async function clientPreparation(deps: ReminderDeps, booking: Booking): Promise<ClientPreparation> {
  const [full, items] = await Promise.all([deps.programs.getFull(booking.orgId, booking.programId), deps.actionItems.list(booking.orgId, booking.programId, { limit: 100 })]);
  const openActionItems = items.items.filter((item) => !item.done).map((item) => item.text).slice(0, 10);
  const module = full && booking.sessionNumber !== null ? sessionModules(full.structure).find((m) => m.sessionNumber === booking.sessionNumber) : undefined;
  const prep = module?.activities.find((a) => a.kind === 'session_prep');
  if (!full || !prep || !findActivity(full.structure, prep.activityId)) return { prepEmpty: null, openActionItems };
  const response = await deps.worksheets.get(booking.orgId, booking.programId, prep.activityId);
  return { prepEmpty: response === null, openActionItems };
}
