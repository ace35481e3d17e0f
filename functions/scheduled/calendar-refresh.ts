import { calendarSyncDeps } from '../../shared/runtime/calendar-deps';
import { log } from '../../shared/runtime/log';
import { refreshDueCalendars } from '../../shared/use-cases/calendar/sync-busy-time';

/** Every minute: reads again the connected calendars that are due (each about every 10 minutes). */
export const handler = async () => {
  const outcomes = await refreshDueCalendars(calendarSyncDeps());
  if (Object.values(outcomes).some((n) => n > 0)) log.info('Calendars refreshed', outcomes);
  return outcomes;
};
