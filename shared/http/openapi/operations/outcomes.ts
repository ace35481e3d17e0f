import { orgPath } from '../../schemas/common';
import { periodQuery, reviewBody } from '../../schemas/outcomes';
import { programPath } from '../../schemas/paths';
import type { OperationDoc } from '../operation';
import { orgAnalytics, programReport, review, reviewRequest, reviews } from '../outcome-responses';

const period = { from: '2026-12-01', to: '2026-12-31' };

export const outcomeOperations = {
  'GET /orgs/{orgId}/programs/{programId}/report': {
    access: 'coach',
    tags: ['Outcomes'],
    description:
      'What the coaching achieved, from the program’s own records as they are now (two reads, however long the program). Coaching sessions only: ' +
      'every booking counts as `booked`, then as exactly one of completed, no-show, cancelled or upcoming; a late cancellation and a no-show use a session up. ' +
      'Worksheet completion counts submitted session preps and reflections of every session module. Progress ratings are the 1–10 ratings of the session reflections; ' +
      'satisfaction compares the intake’s 1–10 rating with the 90-day reflection’s (`change` = final − intake, null until both are in).',
    request: { path: programPath },
    responses: { 200: { description: 'The report.', schema: programReport } },
  },
  'GET /orgs/{orgId}/programs/{programId}/report/progress.svg': {
    access: 'member',
    tags: ['Outcomes'],
    description:
      'The report’s progress ratings drawn as a chart: one point per session with a rated reflection, and the intake and 90-day satisfaction as reference marks. ' +
      'A standalone SVG (no scripts, no external references) to show in an `<img>` or save. The client sees their own once the program is published.',
    request: { path: programPath },
    responses: { 200: { description: 'An SVG image.', contentType: 'image/svg+xml' } },
  },
  'POST /orgs/{orgId}/programs/{programId}/review-requests': {
    access: 'coach',
    tags: ['Outcomes'],
    description:
      'Emails the client a link asking for a review. The program must be published and have its client. One request is open at a time: it stays open until the client writes a review or for 30 days; asking again meanwhile is a 409 `review_request_open`.',
    request: { path: programPath },
    responses: { 201: { description: 'Requested.', schema: reviewRequest } },
    errors: { 409: ['review_request_open', 'no_client', 'program_not_published'] },
  },
  'GET /orgs/{orgId}/programs/{programId}/reviews': {
    access: 'member',
    tags: ['Outcomes'],
    description: 'The client’s review of this program (at most one) and the coach’s latest request for it.',
    request: { path: programPath },
    responses: { 200: { description: 'The review, if written, and the request.', schema: reviews } },
  },
  'POST /orgs/{orgId}/programs/{programId}/reviews': {
    access: 'client',
    tags: ['Outcomes'],
    description:
      'The client rates the coaching 1–5, with optional text (at most 5000 characters). One review per client per program: the first answers 201, later ones change it and answer 200. ' +
      'It answers an open review request, and the rating counts once in the org’s analytics, on the day it was first written (a change corrects it there).',
    request: { path: programPath, body: reviewBody, example: { rating: 5, body: 'Clear, kind and practical.' } },
    responses: {
      201: { description: 'Written.', schema: review },
      200: { description: 'Changed.', schema: review },
    },
    errors: { 409: ['concurrent_update'] },
  },
  'GET /orgs/{orgId}/analytics': {
    access: 'coach',
    tags: ['Outcomes'],
    description:
      'The practice’s figures for whole days `from`–`to` in the org’s zone (both included, at most 366 days), across all its programs. Sessions count on the day they were booked for. ' +
      '**Revenue** is what was earned, not what was paid: each completed coaching session, late cancellation and no-show at its program’s price per session when booked, per month and currency in minor units; ' +
      'free cancellations, quick check-ins and unpriced programs add nothing, and currencies are never summed. ' +
      '**Retention**: of the clients who completed a session in the previous period of the same length, the share who completed one in this period. ' +
      '**Rating**: the mean of reviews first written in the period. Today’s sessions count as completed as soon as they end.',
    request: { path: orgPath, query: periodQuery, queryExample: period },
    responses: { 200: { description: 'The figures.', schema: orgAnalytics } },
  },
  'GET /orgs/{orgId}/coaching-log.csv': {
    access: 'coach',
    tags: ['Outcomes'],
    description:
      'The coaching log coaches keep for credentials (e.g. ICF hours): RFC 4180 CSV (CRLF, a header row) with one row per completed session of the period — ' +
      'date and start in the org’s zone, client email, program, session, duration in hours, and `paid` or `free`. Sent as an attachment named after the period. ' +
      'A field starting with `=`, `+`, `-` or `@` is prefixed with `\'` so spreadsheets never run it as a formula.',
    request: { path: orgPath, query: periodQuery, queryExample: period },
    responses: {
      200: {
        description: 'The log.',
        contentType: 'text/csv',
        headers: { 'Content-Disposition': { description: '`attachment; filename="coaching-log-<from>-to-<to>.csv"`', required: true } },
      },
    },
  },
} satisfies Record<string, OperationDoc>;
