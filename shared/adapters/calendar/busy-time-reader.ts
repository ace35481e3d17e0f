import ICAL from 'ical.js';
import { performance } from 'node:perf_hooks';
import { FEED_LIMITS } from '../../domain/calendar/busy-time';
import { mergeIntervals, type Interval } from '../../domain/time/interval';
import { isValidZone } from '../../domain/time/wall-clock';
import { instantOfWallTime } from '../../domain/time/zone-clock';
import type { BusyTimeRead, BusyTimeRequest } from '../../use-cases/calendar/calendar-source';
import { calendarInvalid, calendarTooLarge } from './feed-errors';

export type FeedLimits = { [K in 'events' | 'occurrencesInHorizon' | 'cpuMs']: number };

/** The longest the expansion holds the event loop before letting other work (other requests, /health) run. */
const SLICE_MS = 15;

/**
 * Busy time of an iCalendar feed inside a horizon: every opaque, not-cancelled event, repeating
 * ones expanded with their exceptions (EXDATE, RECURRENCE-ID). Times with a VTIMEZONE use it; a
 * TZID that names an IANA zone without a VTIMEZONE is read in that zone; floating times and all-day
 * dates in the coach's zone.
 *
 * Bounded: the file is split into its events without parsing it whole, a feed with too many events
 * is refused before any is parsed, repeating events stop at the horizon, and the work runs in slices
 * of at most ~15 ms with the event loop free in between, within a total CPU budget. Over any limit:
 * 422 `calendar_too_large`, naming the limit.
 */
export function readBusyTime(text: string, request: BusyTimeRequest, limits: FeedLimits = FEED_LIMITS): Promise<BusyTimeRead> {
  // ical.js keeps VTIMEZONEs in one process-wide registry, and reading yields to the event loop:
  // one feed at a time, so no feed ever sees (or loses) another feed's zones.
  const run = exclusive.then(() => readExclusively(text, request, limits));
  exclusive = run.catch(() => undefined);
  return run;
}

let exclusive: Promise<unknown> = Promise.resolve();

async function readExclusively(text: string, request: BusyTimeRequest, limits: FeedLimits): Promise<BusyTimeRead> {
  const meter = new WorkMeter(limits.cpuMs);
  const blocks = await splitComponents(text, meter);
  const eventCount = blocks.reduce((n, block) => n + (block.name === 'VEVENT' ? 1 : 0), 0);
  if (eventCount > limits.events) throw calendarTooLarge(`it holds ${eventCount.toLocaleString('en')} events, and the limit is ${limits.events.toLocaleString('en')}`);

  const registered: string[] = [];
  try {
    for (const block of blocks) {
      if (block.name !== 'VTIMEZONE') continue;
      const vtimezone = parseComponent(block.text);
      const tzid = String(vtimezone?.getFirstPropertyValue('tzid') ?? '');
      if (vtimezone && tzid && !ICAL.TimezoneService.has(tzid)) {
        ICAL.TimezoneService.register(vtimezone);
        registered.push(tzid);
      }
    }
    const events = await parseEvents(blocks, request, meter);
    return await expand(events, request, limits, meter);
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

/**
 * Keeps each stretch of work short and the whole within budget. `due()` is cheap enough to ask on
 * every step of a loop; `pause()` counts the slice just spent and lets the event loop run.
 */
class WorkMeter {
  private sliceStart = performance.now();
  private spentMs = 0;

  constructor(private readonly budgetMs: number) {}

  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  async pause(): Promise<void> {
    this.spentMs += performance.now() - this.sliceStart;
    if (this.spentMs > this.budgetMs) throw calendarTooLarge(`reading it takes more than ${this.budgetMs / 1000} seconds of work`);
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}

interface Block {
  name: string;
  text: string;
}

/**
 * The top-level components of the calendar (events, time zones), as text, found line by line:
 * a folded line starts with white space, so a line starting `BEGIN:` or `END:` is always a boundary.
 */
async function splitComponents(raw: string, meter: WorkMeter): Promise<Block[]> {
  const text = raw.replace(/^\uFEFF/, '');
  const blocks: Block[] = [];
  let depth = 0;
  let closed = false;
  let blockStart = 0;
  let blockName = '';
  for (let pos = 0; pos < text.length; ) {
    if (meter.due()) await meter.pause();
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const head = text.slice(pos, Math.min(end, pos + 20)).toUpperCase();
    if (head.startsWith('BEGIN:')) {
      if (depth === 0 && (closed || !head.startsWith('BEGIN:VCALENDAR'))) throw calendarInvalid();
      depth++;
      if (depth === 2) {
        blockStart = pos;
        blockName = head.slice(6).replace(/[\s\r]+$/, '');
      }
    } else if (head.startsWith('END:')) {
      if (depth === 2) blocks.push({ name: blockName, text: text.slice(blockStart, end) });
      depth--;
      if (depth < 0) throw calendarInvalid();
      if (depth === 0) closed = true;
    } else if (depth === 0 && head.trim() !== '') {
      throw calendarInvalid();
    }
    pos = end + 1;
  }
  if (!closed || depth !== 0) throw calendarInvalid();
  return blocks;
}

function parseComponent(text: string): ICAL.Component | null {
  try {
    return new ICAL.Component(ICAL.parse(text));
  } catch {
    // One malformed event must not cost the coach the rest of their calendar.
    return null;
  }
}

/** Masters with their exceptions related to them; exceptions whose master is missing stand alone. */
async function parseEvents(blocks: Block[], request: BusyTimeRequest, meter: WorkMeter): Promise<ICAL.Event[]> {
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const block of blocks) {
    if (block.name !== 'VEVENT') continue;
    if (meter.due()) await meter.pause();
    const vevent = parseComponent(block.text);
    if (!vevent || isFree(vevent)) continue;
    const event = new ICAL.Event(vevent);
    if (!event.startDate || request.isOwnEvent(String(event.uid ?? ''))) continue;
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(`${event.uid}`, event);
  }
  for (const exception of exceptions) {
    const master = masters.get(`${exception.uid}`);
    if (master) master.relateException(exception);
    else masters.set(`${exception.uid}#${exception.recurrenceId?.toString()}`, exception);
  }
  return [...masters.values()];
}

async function expand(events: ICAL.Event[], request: BusyTimeRequest, limits: FeedLimits, meter: WorkMeter): Promise<BusyTimeRead> {
  const { start: from, end: to } = request.horizon;
  const busy: Interval[] = [];
  const add = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null) => {
    const zones = wallZonesOf(item, request.homeZone);
    const s = toEpochMinutes(start, zones.start);
    const e = end ? toEpochMinutes(end, zones.end) : s + (start.isDate ? 1440 : 0);
    if (e > from && s < to && e > s) {
      busy.push({ start: s, end: e });
      if (busy.length > limits.occurrencesInHorizon) {
        throw calendarTooLarge(`it has more than ${limits.occurrencesInHorizon.toLocaleString('en')} events in the next ${Math.round((to - from) / 1440)} days`);
      }
    }
  };

  for (const event of events) {
    if (meter.due()) await meter.pause();
    if (!event.isRecurring()) {
      add(event, event.startDate, event.endDate);
      continue;
    }
    const zones = wallZonesOf(event, request.homeZone);
    const skipTo = fastForward(event, from, zones.start);
    if (skipTo) {
      // Exceptions of the occurrences skipped may have been moved into the horizon.
      for (const exception of Object.values(event.exceptions)) {
        if (exception.recurrenceId.compare(skipTo) < 0 && !isFree(exception.component)) add(exception, exception.startDate, exception.endDate);
      }
    }
    const iterator = event.iterator(skipTo ?? undefined);
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (meter.due()) await meter.pause();
      const occurrence = event.getOccurrenceDetails(next);
      if (toEpochMinutes(occurrence.startDate, zones.start) >= to) break;
      if (occurrence.item !== event && isFree(occurrence.item.component)) continue;
      add(occurrence.item, occurrence.startDate, occurrence.endDate);
    }
  }
  return { intervals: mergeIntervals(busy), eventsInHorizon: busy.length };
}

/** Rules that repeat by a fixed step, and that step in minutes (SECONDLY counts in fractions). */
const FIXED_STEPS: Record<string, number> = { SECONDLY: 1 / 60, MINUTELY: 1, HOURLY: 60, DAILY: 1440, WEEKLY: 7 * 1440 };

/**
 * ical.js walks a rule from its DTSTART, one occurrence at a time: a daily event since 2015 would
 * cost thousands of steps before reaching today. For a rule with one fixed step and no COUNT, this
 * is a start of the same phase (a whole number of steps later, in wall-clock fields as ical.js
 * steps) safely before the horizon, so the walk begins there. Null when the rule must be walked
 * from its start (COUNT, months, years, several rules — all of which stay short or hit the budget).
 */
function fastForward(event: ICAL.Event, horizonStart: number, wallZone: string): ICAL.Time | null {
  const rules = event.component.getAllProperties('rrule');
  if (rules.length !== 1 || event.component.hasProperty('rdate')) return null;
  const rule = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  const unit = rule ? FIXED_STEPS[rule.freq] : undefined;
  if (!rule || unit === undefined || rule.count) return null;
  const interval = rule.interval || 1;
  const stepMinutes = unit * interval;
  const start = toEpochMinutes(event.startDate, wallZone);
  const durationMinutes = Math.max(0, event.duration.toSeconds() / 60);
  // Two days of slack: wall-clock fields and DST shifts move an occurrence by hours, never days.
  const target = horizonStart - durationMinutes - 2 * 1440 - stepMinutes;
  const steps = Math.floor((target - start) / stepMinutes);
  if (steps <= 0) return null;
  const shifted = event.startDate.clone();
  switch (rule.freq) {
    case 'WEEKLY':
      shifted.adjust(steps * interval * 7, 0, 0, 0);
      break;
    case 'DAILY':
      shifted.adjust(steps * interval, 0, 0, 0);
      break;
    case 'HOURLY':
      shifted.adjust(0, steps * interval, 0, 0);
      break;
    case 'MINUTELY':
      shifted.adjust(0, 0, steps * interval, 0);
      break;
    default:
      shifted.adjust(0, 0, 0, steps * interval);
  }
  return shifted;
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
  const known = zonesOfEvent.get(event);
  if (known) return known;
  const zoneOf = (property: string) => {
    const tzid = event.component.getFirstProperty(property)?.getParameter('tzid');
    return typeof tzid === 'string' && isIanaZone(tzid) ? tzid : homeZone;
  };
  const start = zoneOf('dtstart');
  const zones = { start, end: event.component.hasProperty('dtend') ? zoneOf('dtend') : start };
  zonesOfEvent.set(event, zones);
  return zones;
}

/** Asked for every occurrence: remembered, since checking a zone name builds an Intl formatter. */
const zonesOfEvent = new WeakMap<ICAL.Event, { start: string; end: string }>();
const ianaZones = new Map<string, boolean>();
function isIanaZone(tzid: string): boolean {
  let valid = ianaZones.get(tzid);
  if (valid === undefined) {
    valid = isValidZone(tzid);
    if (ianaZones.size < 1_000) ianaZones.set(tzid, valid);
  }
  return valid;
}

/**
 * A VTIMEZONE-backed or UTC time is an instant already; others are wall-clock in `wallZone` (a
 * repeated time is its first occurrence, a skipped one moves forward, as for schedules' windows).
 */
function toEpochMinutes(time: ICAL.Time, wallZone: string): number {
  const zone = time.zone;
  const known = zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== 'floating';
  if (!time.isDate && known) return Math.floor(time.toUnixTime() / 60);
  return instantOfWallTime({ year: time.year, month: time.month, day: time.day }, time.isDate ? 0 : time.hour * 60 + time.minute, wallZone);
}
