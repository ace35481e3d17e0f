import * as z from 'zod';
import { connectCalendarBody, feedPath } from '../../schemas/calendar';
import { orgPath, pageQuery } from '../../schemas/common';
import { createOrgBody, patchOrgBody } from '../../schemas/orgs';
import { patchMeBody } from '../../schemas/identity';
import { joinLinkPath } from '../../schemas/join';
import { createScheduleBody, patchScheduleBody, schedulePath } from '../../schemas/schedules';
import type { OperationDoc } from '../operation';
import { calendarConnection, listOf, me, org, schedule } from '../response-schemas';

const scheduleExample = {
  name: 'Coaching Session (60 min)',
  timeZone: 'Europe/London',
  weekly: [
    { day: 'mon', start: '10:00', end: '17:00' },
    { day: 'wed', start: '09:00', end: '12:30' },
  ],
  overrides: [{ date: '2026-12-24', intervals: [] }],
  bufferMinutes: 15,
  minimumNoticeMinutes: 720,
  slotIntervalMinutes: 30,
};

const feedHeaders = z.object({
  'if-none-match': z.string().optional().meta({ description: 'The `ETag` of the copy the calendar app holds.' }),
});

const feedCaching = {
  ETag: { description: 'A strong validator of this exact feed.', required: true },
  'Cache-Control': { description: '`private, max-age=300`: shared caches must not keep a coach’s feed.', required: true },
};

export const identityAndOrgOperations = {
  'GET /me': {
    access: 'signedIn',
    tags: ['Identity'],
    description: 'Who the token belongs to and every org and program they belong to: coach of an org, or client of a program.',
    responses: { 200: { description: 'The caller.', schema: me } },
  },
  'PATCH /me': {
    access: 'signedIn',
    tags: ['Identity'],
    description:
      'Changes only the fields sent (at least one); null clears one. Every email and calendar invite uses each reader’s own name, zone, locale and hour cycle, ' +
      'and a change reaches the copies kept on the caller’s memberships in the same step.',
    request: { body: patchMeBody, example: { displayName: 'Sam Rivera', timeZone: 'Europe/London', locale: 'en-GB', hourCycle: 24 } },
    responses: { 200: { description: 'The caller as changed.', schema: me } },
  },
  'GET /j/{token}': {
    access: 'public',
    tags: ['Session lifecycle'],
    description:
      'A per-person, per-session join link from an invitation or reminder. Inside the join window (15 minutes before the start to the end) it records the join and redirects (302) to the meeting; ' +
      'before it, a page saying when it opens; after the end, a 410 page; a link that is not valid, a 404 page. The token is signed: it cannot be made up.',
    request: { path: joinLinkPath },
    responses: {
      200: { description: 'Not open yet: a page saying when it opens.', contentType: 'text/html' },
      302: { description: 'Joined: on to the meeting (`Location`).' },
      404: { description: 'Not a valid link.', contentType: 'text/html' },
      410: { description: 'The session has ended (or was cancelled).', contentType: 'text/html' },
    },
  },
  'POST /orgs': {
    access: 'signedIn',
    tags: ['Orgs'],
    description: 'Creates a practice; the caller becomes its coach. The zone is the default for new schedules.',
    request: { body: createOrgBody, example: { name: 'Clear Path Coaching', timeZone: 'Europe/London' } },
    responses: { 201: { description: 'Created.', schema: org } },
  },
  'GET /orgs/{orgId}': {
    access: 'coach',
    tags: ['Orgs'],
    description: 'The org with its calendar connection and feed link.',
    request: { path: orgPath },
    responses: { 200: { description: 'The org.', schema: org } },
  },
  'PATCH /orgs/{orgId}': {
    access: 'coach',
    tags: ['Orgs'],
    description:
      'Changes only the fields sent (at least one). `meetingUrl` must be https; null removes it. `introCalls` turns free 15-minute intro calls on or off, from the named schedule.',
    request: { path: orgPath, body: patchOrgBody, example: { meetingUrl: 'https://meet.example.com/sam' } },
    responses: { 200: { description: 'The org as changed.', schema: org } },
  },
  'POST /orgs/{orgId}/schedules': {
    access: 'coach',
    tags: ['Schedules'],
    description:
      'Weekly wall-clock windows in one IANA zone (up to 28), with date overrides (up to 60 dates ahead) that replace a whole date; empty `intervals` is a day off. ' +
      'Windows of a day may not overlap and must start before they end (24:00 ends a day). Slots start every `slotIntervalMinutes` (5–240, multiple of 5) from each window start, ' +
      'at least `minimumNoticeMinutes` (0–43200) from now, and keep `bufferMinutes` (0–120, multiple of 5) clear of other sessions. An org holds at most 20 schedules.',
    request: { path: orgPath, body: createScheduleBody, example: scheduleExample },
    responses: { 201: { description: 'Created.', schema: schedule } },
    errors: { 409: ['schedule_limit_reached'] },
  },
  'GET /orgs/{orgId}/schedules': {
    access: 'coach',
    tags: ['Schedules'],
    description: "The org's schedules, paged (`limit` 1–100, default 50).",
    request: { path: orgPath, query: pageQuery },
    responses: { 200: { description: 'A page of schedules.', schema: listOf(schedule, 'Schedule') } },
  },
  'GET /orgs/{orgId}/schedules/{scheduleId}': {
    access: 'coach',
    tags: ['Schedules'],
    description: 'One schedule.',
    request: { path: schedulePath },
    responses: { 200: { description: 'The schedule.', schema: schedule } },
  },
  'PATCH /orgs/{orgId}/schedules/{scheduleId}': {
    access: 'coach',
    tags: ['Schedules'],
    description: 'Changes only the fields sent; the rules of creation hold for the result. Sessions already booked stay.',
    request: { path: schedulePath, body: patchScheduleBody, example: { bufferMinutes: 10 } },
    responses: { 200: { description: 'The schedule as changed.', schema: schedule } },
    errors: { 409: ['concurrent_update'] },
  },
  'PUT /orgs/{orgId}/calendar': {
    access: 'coach',
    tags: ['Calendar'],
    description:
      "Connects the coach's own calendar by its iCal (ICS) address: its events become busy time in every availability answer. The feed is fetched and parsed at once. " +
      'Deployed, only https addresses on the public internet are fetched (never loopback, link-local or private ranges, also after redirects). ' +
      'The answer carries `feedUrl`, the coach’s private feed of all their sessions.',
    request: { path: orgPath, body: connectCalendarBody, example: { icsUrl: 'https://calendar.example.com/sam/basic.ics' } },
    responses: { 200: { description: 'Connected.', schema: calendarConnection } },
    errors: { 422: ['calendar_unreachable', 'calendar_invalid', 'calendar_too_large'] },
  },
  'DELETE /orgs/{orgId}/calendar': {
    access: 'coach',
    tags: ['Calendar'],
    description: 'Stops reading the coach’s calendar. The private session feed keeps working, so subscribed calendar apps keep their sessions.',
    request: { path: orgPath },
    responses: { 200: { description: 'Disconnected.', schema: calendarConnection } },
  },
  'POST /orgs/{orgId}/calendar/rotate-feed': {
    access: 'coach',
    tags: ['Calendar'],
    description:
      'Replaces the secret in the coach’s private session feed link, for a link that leaked or was shared by mistake: from this answer on, the old link is a 404 and calendar apps must subscribe to the new `feedUrl`. ' +
      'The calendar connection, if any, is untouched. A coach who never connected a calendar gets their first feed link this way.',
    request: { path: orgPath },
    responses: { 200: { description: 'The calendar connection with the new `feedUrl`.', schema: calendarConnection } },
  },
  'GET /feeds/{feedToken}': {
    access: 'public',
    tags: ['Calendar'],
    description:
      'The coach’s sessions and intro calls (60 days back, 400 ahead) as an iCalendar feed for calendar apps. The unguessable token in the address is the credential; a wrong one is a 404. ' +
      'Each answer carries an `ETag`: a calendar app that sends it back in `If-None-Match` gets a 304 with no body while nothing changed. ' +
      'Each feed may be fetched 240 times an hour (a coach’s devices polling every 5 minutes use a fifth of that); beyond, a 429 with `Retry-After`.',
    request: { path: feedPath, headers: feedHeaders },
    responses: {
      200: { description: 'An iCalendar (RFC 5545) document.', contentType: 'text/calendar', headers: feedCaching },
      304: { description: 'Unchanged since the `ETag` sent in `If-None-Match`: no body.', headers: feedCaching },
    },
    errors: { 429: ['too_many_requests'] },
  },
} satisfies Record<string, OperationDoc>;
