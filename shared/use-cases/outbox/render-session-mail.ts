import { PermanentMailError, type EmailMessage } from '../../adapters/mail/mailer';
import type { BookingContext } from '../../data/booking-context';
import type { Booking } from '../../domain/bookings/booking';
import type { SessionMail, SessionMailEffect } from '../../domain/outbox/session-mail';
import {
  bookingCancelledEmails,
  bookingConfirmedEmails,
  detailsUpdatedEmails,
  noShowEmails,
  reminderEmails,
  requestClosedEmails,
  rescheduledEmails,
  rescheduleRequestedEmails,
} from '../../emails/session-emails';
import type { SessionParties } from '../../emails/session-content';
import { scopeOf } from '../bookings/booking-deps';
import { sessionParties, type SessionLinks } from '../bookings/session-parties';

export interface RenderSessionMailDeps {
  /** One BatchGetItem: the org, the program and the booking. */
  context: (ref: { orgId: string; programId: string; bookingId: string }) => Promise<BookingContext>;
  links: SessionLinks;
}

/**
 * Renders a session email when the relay sends it: the people, practice, program name and join
 * links as they are now, the session as the write that staged the email left it (its frozen time,
 * SEQUENCE and status). Emails of one entry share one read of the records.
 */
export function sessionMailRenderer(deps: RenderSessionMailDeps): (effect: SessionMailEffect) => Promise<EmailMessage> {
  const reads = new Map<string, Promise<{ booking: Booking; parties: SessionParties }>>();
  const read = (session: SessionMailEffect['session']) => {
    const key = `${session.orgId}/${session.programId}/${session.bookingId}`;
    let pending = reads.get(key);
    if (!pending) {
      pending = load(deps, session);
      reads.set(key, pending);
      // A failed read is tried afresh by the next email, not remembered.
      pending.catch(() => reads.delete(key));
    }
    return pending;
  };
  return async (effect) => {
    const { booking, parties } = await read(effect.session);
    const message = render({ ...booking, ...effect.frozen }, parties, effect.mail)[effect.part];
    if (!message) throw new PermanentMailError(`A ${effect.mail.kind} email has no part ${effect.part}.`);
    return message;
  };
}

async function load(deps: RenderSessionMailDeps, session: SessionMailEffect['session']) {
  const ctx = await deps.context(session);
  const scope = scopeOf(ctx);
  // Bookings, programs and orgs are never deleted: missing records cannot come back with a retry.
  if (!ctx.booking || !scope) throw new PermanentMailError(`The records of session ${session.bookingId} are gone; its email cannot be written.`);
  return { booking: ctx.booking, parties: await sessionParties(deps.links, scope, ctx.booking) };
}

function render(booking: Booking, parties: SessionParties, mail: SessionMail): EmailMessage[] {
  switch (mail.kind) {
    case 'booked':
      return bookingConfirmedEmails(booking, parties, mail.stampedAt);
    case 'cancelled':
      return bookingCancelledEmails(booking, parties, mail.stampedAt);
    case 'rescheduled':
      return rescheduledEmails(booking, parties, mail.change, mail.stampedAt);
    case 'details_updated':
      return detailsUpdatedEmails(booking, parties, mail.what, mail.stampedAt);
    case 'reschedule_requested':
      return rescheduleRequestedEmails(mail.request, booking, parties);
    case 'request_closed':
      return requestClosedEmails(mail.request, booking, parties, mail.outcome, mail.reason);
    case 'reminder':
      return reminderEmails(booking, parties, mail.lead, mail.preparation);
    case 'no_show':
      return noShowEmails(booking, parties);
  }
}
