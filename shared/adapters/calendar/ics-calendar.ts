import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { unprocessable } from '../../domain/errors';
import type { Interval } from '../../domain/time/interval';
import { isValidZone } from '../../domain/time/wall-clock';

export const calendarInvalid = () =>
  unprocessable('calendar_invalid', 'That link does not lead to an iCalendar (.ics) feed. Use the iCal address your calendar app gives for sharing.');

/** A parsed iCalendar feed, ready to be expanded into busy time for any range. */
export interface ParsedCalendar {
  root: ICAL.Component;
}

export function parseCalendar(text: string): ParsedCalendar {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    throw calendarInvalid();
  }
  if (root.name !== 'vcalendar') throw calendarInvalid();
  return { root };
}

/** Upper bound on occurrences walked per recurring event, against feeds that recur every minute. */
const MAX_OCCURRENCES_PER_EVENT = 20_000;

/**
 * Busy time in [from, to) (epoch minutes): every opaque, not-cancelled event, recurring ones
 * expanded with their exceptions (EXDATE, RECURRENCE-ID). Times with a VTIMEZONE use it; a TZID
 * that names an IANA zone without a VTIMEZONE is read in that zone; floating times and all-day
 * dates are read in `homeZone`, the coach's zone.
 */
export function busyIntervals(calendar: ParsedCalendar, from: number, to: number, homeZone: string): Interval[] {
  const registered: string[] = [];
  for (const vtimezone of calendar.root.getAllSubcomponents('vtimezone')) {
    const tzid = String(vtimezone.getFirstPropertyValue('tzid') ?? '');
    if (tzid && !ICAL.TimezoneService.has(tzid)) {
      ICAL.TimezoneService.register(vtimezone);
      registered.push(tzid);
    }
  }
  try {
    return expand(calendar, from, to, homeZone);
  } finally {
    // Registration is process-wide; this runs synchronously, so no other feed sees these zones.
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

function expand(calendar: ParsedCalendar, from: number, to: number, homeZone: string): Interval[] {
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const vevent of calendar.root.getAllSubcomponents('vevent')) {
    if (isFree(vevent)) continue;
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(`${event.uid}`, event);
  }
  for (const exception of exceptions) {
    const master = masters.get(`${exception.uid}`);
    if (master) master.relateException(exception);
    else masters.set(`${exception.uid}#${exception.recurrenceId?.toString()}`, exception);
  }

  const busy: Interval[] = [];
  const add = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null) => {
    const zones = wallZonesOf(item, homeZone);
    const s = toEpochMinutes(start, zones.start);
    const e = end ? toEpochMinutes(end, zones.end) : s + (start.isDate ? 1440 : 0);
    if (e > from && s < to && e > s) busy.push({ start: s, end: e });
  };

  for (const event of masters.values()) {
    if (!event.isRecurring()) {
      add(event, event.startDate, event.endDate);
      continue;
    }
    const zones = wallZonesOf(event, homeZone);
    const iterator = event.iterator();
    for (let i = 0; i < MAX_OCCURRENCES_PER_EVENT; i++) {
      const next = iterator.next();
      if (!next) break;
      const occurrence = event.getOccurrenceDetails(next);
      if (toEpochMinutes(occurrence.startDate, zones.start) >= to) break;
      if (occurrence.item !== event && isFree(occurrence.item.component)) continue;
      add(occurrence.item, occurrence.startDate, occurrence.endDate);
    }
  }
  return busy;
}

function isFree(vevent: ICAL.Component): boolean {
  const transparency = String(vevent.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transparency === 'TRANSPARENT' || status === 'CANCELLED';
}

/**
 * The zone to read an event's times in when the feed gives no VTIMEZONE for them: the IANA zone
 * its TZID names, else the coach's zone. (Occurrences of a recurring event do not carry the TZID
 * themselves, so it is taken from the event's own DTSTART and DTEND.)
 */
function wallZonesOf(event: ICAL.Event, homeZone: string): { start: string; end: string } {
  const zoneOf = (property: string) => {
    const tzid = event.component.getFirstProperty(property)?.getParameter('tzid');
    return typeof tzid === 'string' && isValidZone(tzid) ? tzid : homeZone;
  };
  const start = zoneOf('dtstart');
  return { start, end: event.component.hasProperty('dtend') ? zoneOf('dtend') : start };
}

/** A VTIMEZONE-backed or UTC time is an instant already; others are wall-clock in `wallZone`. */
function toEpochMinutes(time: ICAL.Time, wallZone: string): number {
  const zone = time.zone;
  const known = zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== 'floating';
  if (!time.isDate && known) return Math.floor(time.toUnixTime() / 60);
  const local = DateTime.fromObject(
    { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: 0 },
    { zone: wallZone },
  );
  return Math.floor(local.toMillis() / 60_000);
}
