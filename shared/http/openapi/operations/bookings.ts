import { availabilityQuery, bookingBody, bookingsQuery, cancelBody } from '../../schemas/bookings';
import { decisionBody, notesBody, requestsQuery, rescheduleBody } from '../../schemas/lifecycle';
import { bookingPath, programPath, requestPath } from '../../schemas/paths';
import type { OperationDoc } from '../operation';
import { approvedRequest, availability, booking, joinLink, listOf, pendingReschedule, rescheduleRequest, sessionNotes } from '../response-schemas';

const offered = ['slot_unavailable', 'weekly_limit_reached'] as const;

export const bookingOperations = {
  'GET /orgs/{orgId}/programs/{programId}/availability': {
    access: 'member',
    tags: ['Availability and bookings'],
    description:
      'Bookable slots of a package between `from` and `to` (instants with offset, at most 62 days apart). Slots start every `slotIntervalMinutes` from each window’s start in the schedule’s zone, ' +
      'and a slot is offered only if it lies inside a window, starts at least `minimumNoticeMinutes` from now, keeps `bufferMinutes` clear of every other session of this coach (all programs) ' +
      'and of the events in the coach’s connected calendar, is not held by a pending reschedule request, and its week (Monday–Sunday in the schedule’s zone) and the package still have room ' +
      '(the coaching package allows one session a week).',
    request: { path: programPath, query: availabilityQuery, queryExample: { packageId: 'coaching', from: '2026-12-07T00:00:00Z', to: '2026-12-14T00:00:00Z' } },
    responses: { 200: { description: 'The slots, in time order.', schema: availability } },
  },
  'POST /orgs/{orgId}/programs/{programId}/bookings': {
    access: 'member',
    tags: ['Availability and bookings'],
    description:
      'Books an offered slot (the client, or the coach for them; the program needs its client). Two requests racing for overlapping time: exactly one wins. ' +
      'Coach and client are each emailed a calendar invite; reminders go out 24 hours and 1 hour before, and a no-show check runs 15 minutes after the start.',
    request: { path: programPath, body: bookingBody, example: { packageId: 'coaching', start: '2026-12-07T10:00:00Z' } },
    responses: { 201: { description: 'Booked.', schema: booking } },
    errors: { 409: [...offered, 'package_limit_reached', 'no_client'] },
  },
  'GET /orgs/{orgId}/programs/{programId}/bookings': {
    access: 'member',
    tags: ['Availability and bookings'],
    description: 'The program’s sessions in time order, optionally of one `status`.',
    request: { path: programPath, query: bookingsQuery },
    responses: { 200: { description: 'A page of sessions.', schema: listOf(booking, 'Booking') } },
  },
  'GET /orgs/{orgId}/programs/{programId}/bookings/{bookingId}': {
    access: 'member',
    tags: ['Availability and bookings'],
    description: 'One session.',
    request: { path: bookingPath },
    responses: { 200: { description: 'The session.', schema: booking } },
  },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/cancel': {
    access: 'member',
    tags: ['Session lifecycle'],
    description:
      'Cancels a confirmed session that has not started. A client cancelling less than 24 hours before the start forfeits the session (`creditReturned: false`); otherwise it can be booked again. ' +
      'Both sides are emailed a calendar cancellation and the reminders are removed.',
    request: { path: bookingPath, body: cancelBody, example: { reason: 'Travelling that week' } },
    responses: { 200: { description: 'The cancelled session.', schema: booking } },
    errors: { 409: ['booking_not_active', 'session_started', 'concurrent_update'] },
  },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/reschedule': {
    access: 'member',
    tags: ['Session lifecycle'],
    description:
      'The coach moves a session at any time (the client is emailed). The client moves it at once more than 48 hours ahead (the coach is emailed); 24–48 hours ahead it becomes a request (202): ' +
      'the new time is held and the coach decides, and it expires at the earlier of 48 hours later and the session’s start. Under 24 hours a client cannot move it. ' +
      'The new time must be an offered slot.',
    request: { path: bookingPath, body: rescheduleBody, example: { start: '2026-12-08T10:00:00Z', reason: 'A clash at work' } },
    responses: {
      200: { description: 'Moved.', schema: booking },
      202: { description: 'Asked: the coach decides.', schema: pendingReschedule },
    },
    errors: { 409: [...offered, 'reschedule_window_closed', 'reschedule_pending', 'booking_not_active', 'session_started', 'concurrent_update'] },
  },
  'GET /orgs/{orgId}/programs/{programId}/reschedule-requests': {
    access: 'coach',
    tags: ['Session lifecycle'],
    description: 'The client’s requests to move sessions, optionally of one `status`.',
    request: { path: programPath, query: requestsQuery },
    responses: { 200: { description: 'The requests.', schema: listOf(rescheduleRequest, 'RescheduleRequest') } },
  },
  'POST /orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/approve': {
    access: 'coach',
    tags: ['Session lifecycle'],
    description: 'Moves the session to the proposed time; the client is emailed. An expired request cannot be approved: the session stays where it was.',
    request: { path: requestPath, body: decisionBody, example: { reason: 'Works for me' } },
    responses: { 200: { description: 'Approved.', schema: approvedRequest } },
    errors: { 409: ['request_expired', 'request_not_pending', 'weekly_limit_reached', 'concurrent_update'] },
  },
  'POST /orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/reject': {
    access: 'coach',
    tags: ['Session lifecycle'],
    description: 'Keeps the session at its time and releases the held slot; the client is emailed.',
    request: { path: requestPath, body: decisionBody, example: { reason: 'I am away that day' } },
    responses: { 200: { description: 'Rejected.', schema: rescheduleRequest } },
    errors: { 409: ['request_expired', 'request_not_pending', 'concurrent_update'] },
  },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/join': {
    access: 'member',
    tags: ['Session lifecycle'],
    description: 'Records that the caller joined and hands out the meeting link, from 15 minutes before the start to the end.',
    request: { path: bookingPath },
    responses: { 200: { description: 'The meeting link.', schema: joinLink } },
    errors: { 409: ['join_not_open', 'booking_not_active'] },
  },
  'POST /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/no-show': {
    access: 'coach',
    tags: ['Session lifecycle'],
    description:
      'The coach records that the client did not come, from 10 minutes after the start. Without it, a session the client never joined becomes a no-show by itself 15 minutes after the start. ' +
      'Both are emailed; a no-show uses up the session.',
    request: { path: bookingPath },
    responses: { 200: { description: 'The session, now `no_show`.', schema: booking } },
    errors: { 409: ['too_early', 'booking_not_active', 'concurrent_update'] },
  },
  'PUT /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes': {
    access: 'coachPrivate',
    tags: ['Session lifecycle'],
    description: 'The coach’s private notes on a session (up to 20000 characters). They never reach the client: to them these routes do not exist.',
    request: { path: bookingPath, body: notesBody, example: { body: 'Wants to work on delegation next.' } },
    responses: { 200: { description: 'Saved.', schema: sessionNotes } },
  },
  'GET /orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes': {
    access: 'coachPrivate',
    tags: ['Session lifecycle'],
    description: 'The coach’s private notes (an empty body when none were written).',
    request: { path: bookingPath },
    responses: { 200: { description: 'The notes.', schema: sessionNotes } },
  },
} satisfies Record<string, OperationDoc>;
