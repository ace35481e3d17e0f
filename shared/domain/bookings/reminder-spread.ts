/**
 * Top-of-hour bursts: sessions start on the hour and the half hour, so their reminders fall due in
 * the same minute — at 10,000 coaches about 2,700 reminder runs and 5,400 emails at once, while SES
 * sends at most its account's rate (14 a second to start with: 840 a minute). Each reminder is
 * therefore scheduled a few minutes early, by an offset derived from its name: the burst spreads
 * evenly over the window, every reminder still leaves before its due time (never late), and the
 * same booking always gets the same time (schedules stay desired state, idempotent).
 */

/** Reminder emails of the largest burst planned for (10,000 coaches, two emails per reminder). */
export const REMINDER_BURST_EMAILS = 5_400;
/** Past this, a reminder would read oddly early ("in an hour" 40 minutes too soon): raise the SES rate instead. */
export const MAX_SPREAD_MINUTES = 30;

/** Share of the send rate a spread burst may use: hashing fills minutes unevenly, and other emails go on. */
const HEADROOM = 0.8;

/** The window that spreads the planned burst under `emailsPerSecond` (14/s: 9 minutes). */
export const reminderSpreadFor = (emailsPerSecond: number): number =>
  Math.min(MAX_SPREAD_MINUTES, Math.max(1, Math.ceil(REMINDER_BURST_EMAILS / (emailsPerSecond * 60 * HEADROOM))));

/** Minutes (0 … spread−1) a reminder fires before its due time: a stable hash of its schedule name. */
export function spreadOffset(name: string, spreadMinutes: number): number {
  if (spreadMinutes <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % Math.floor(spreadMinutes);
}
