/** The moments around a session that the product acts on, in minutes relative to its start. */
export const REMINDERS = [
  { lead: '24h', minutesBefore: 24 * 60 },
  { lead: '1h', minutesBefore: 60 },
] as const;
export type ReminderLead = (typeof REMINDERS)[number]['lead'];

/** Joining opens this long before the start and stays open until the end. */
export const JOIN_OPENS_MINUTES_BEFORE = 15;
/** The coach may mark a no-show from this long after the start… */
export const MANUAL_NO_SHOW_AFTER_MINUTES = 10;
/** …and a client who never joined is marked a no-show this long after the start. */
export const AUTOMATIC_NO_SHOW_AFTER_MINUTES = 15;

export const isJoinOpen = (session: { start: number; end: number }, now: number) => now >= session.start - JOIN_OPENS_MINUTES_BEFORE && now < session.end;
