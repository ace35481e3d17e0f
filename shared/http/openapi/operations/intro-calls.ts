import { orgPath } from '../../schemas/common';
import {
  bookIntroCallBody,
  cancelIntroCallBody,
  introCallPath,
  introCallsAvailabilityQuery,
  introCallsQuery,
  introCallTokenPath,
  rescheduleIntroCallBody,
} from '../../schemas/intro-calls';
import type { OperationDoc } from '../operation';
import { coachIntroCall, introCallAvailability, listOf, prospectIntroCall } from '../response-schemas';

const limited = { 429: ['too_many_requests'] } as const;
const small = { 413: ['payload_too_large'] } as const;

export const introCallOperations = {
  'GET /orgs/{orgId}/intro-calls/availability': {
    access: 'public',
    tags: ['Intro calls'],
    description:
      'Free 15-minute intro-call slots from the org’s intro-call schedule, between `from` and `to` (at most 31 days). The coach’s sessions, calendar events and other intro calls are busy time. ' +
      'An org that takes no intro calls is a 404. Limited per address: a 429 carries `Retry-After`.',
    request: { path: orgPath, query: introCallsAvailabilityQuery, queryExample: { from: '2026-12-07T00:00:00Z', to: '2026-12-14T00:00:00Z' } },
    responses: { 200: { description: 'The slots, with the questions the coach asks.', schema: introCallAvailability } },
    errors: limited,
  },
  'POST /orgs/{orgId}/intro-calls': {
    access: 'public',
    tags: ['Intro calls'],
    description:
      'A prospect books an offered slot without an account. Coach and prospect are emailed a calendar invite; the prospect’s email holds a private link to see, move or cancel the call. ' +
      'Limited per address and per email (a few upcoming calls each): a 429 carries `Retry-After`. Bodies are at most 8 KB.',
    request: {
      path: orgPath,
      body: bookIntroCallBody,
      example: { name: 'Jordan Lee', email: 'jordan@example.com', start: '2026-12-07T10:00:00Z', timeZone: 'Europe/London' },
    },
    responses: { 201: { description: 'Booked.', schema: prospectIntroCall } },
    errors: { 409: ['slot_unavailable', 'concurrent_update'], ...small, ...limited },
  },
  'GET /intro-calls/by-token/{token}': {
    access: 'public',
    tags: ['Intro calls'],
    description: 'The prospect’s own call, through the link in their email. A wrong token is a 404.',
    request: { path: introCallTokenPath },
    responses: { 200: { description: 'The call.', schema: prospectIntroCall } },
    errors: limited,
  },
  'POST /intro-calls/by-token/{token}/cancel': {
    access: 'public',
    tags: ['Intro calls'],
    description: 'The prospect cancels before the start; the coach is emailed a calendar cancellation.',
    request: { path: introCallTokenPath, body: cancelIntroCallBody, example: { reason: 'Something came up' } },
    responses: { 200: { description: 'Cancelled.', schema: prospectIntroCall } },
    errors: { 409: ['intro_call_not_active', 'intro_call_started', 'concurrent_update'], ...small, ...limited },
  },
  'POST /intro-calls/by-token/{token}/reschedule': {
    access: 'public',
    tags: ['Intro calls'],
    description: 'The prospect moves the call to another offered slot before it starts; both are emailed the new time.',
    request: { path: introCallTokenPath, body: rescheduleIntroCallBody, example: { start: '2026-12-08T10:00:00Z' } },
    responses: { 200: { description: 'Moved.', schema: prospectIntroCall } },
    errors: { 409: ['slot_unavailable', 'intro_call_not_active', 'intro_call_started', 'concurrent_update'], ...small, ...limited },
  },
  'GET /orgs/{orgId}/intro-calls': {
    access: 'coach',
    tags: ['Intro calls'],
    description: 'The coach’s intro calls in time order, optionally of one `status`, with the prospects’ answers.',
    request: { path: orgPath, query: introCallsQuery },
    responses: { 200: { description: 'A page of intro calls.', schema: listOf(coachIntroCall, 'IntroCall') } },
  },
  'POST /orgs/{orgId}/intro-calls/{introCallId}/cancel': {
    access: 'coach',
    tags: ['Intro calls'],
    description: 'The coach cancels an intro call before it starts; the prospect is emailed.',
    request: { path: introCallPath, body: cancelIntroCallBody, example: { reason: 'I am ill that day' } },
    responses: { 200: { description: 'Cancelled.', schema: coachIntroCall } },
    errors: { 409: ['intro_call_not_active', 'intro_call_started', 'concurrent_update'] },
  },
} satisfies Record<string, OperationDoc>;
