import { unprocessable } from '../../domain/errors';

/** Why a coach's calendar could not be connected (or refreshed), worded once. All are 422: the link is the problem. */
export const calendarUnreachable = (why: string) =>
  unprocessable('calendar_unreachable', `We could not fetch that calendar: ${why}. Check the link is the calendar's public or secret iCal address.`);

export const calendarTooLarge = (why: string) =>
  unprocessable('calendar_too_large', `That calendar is more than Rapport can read: ${why}. Share a calendar that holds only your appointments, or fewer years of history.`);

export const calendarInvalid = () =>
  unprocessable('calendar_invalid', 'That link does not lead to an iCalendar (.ics) feed. Use the iCal address your calendar app gives for sharing.');
