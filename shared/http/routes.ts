/**
 * THE route table. The CDK stack creates API Gateway routes from it, the local gateway serves it
 * and the OpenAPI document is generated from it (each route's description lives beside, in
 * shared/http/openapi/operations.ts). Each route names the Lambda function (`fn`) that serves it;
 * a function serves a whole resource and dispatches on the route key.
 *
 * Nothing here imports handler code, so CDK can read it without bundling the runtime.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteBase {
  method: HttpMethod;
  path: string;
  fn: ApiFunctionName;
  /** A one-line description, reused by the OpenAPI document. */
  summary: string;
}

/**
 * Public routes skip the JWT authorizer; each says why it may (the reason is also given to cdk-nag).
 * API Gateway throttles them with the tight public limits, except routes that count each caller's
 * credential in the app (`throttle: 'polling'`: calendar apps polling feeds), which get room for
 * everyone's polling together.
 */
export type RouteSpec = RouteBase & ({ public?: undefined } | { public: true; publicBecause: string; throttle?: 'public' | 'polling' });

/** What each API function may touch; CDK turns this into least-privilege IAM. */
export interface ApiFunctionSpec {
  entry: string;
  table: 'read' | 'readWrite' | 'none';
  sendsEmail?: true;
  managesSchedules?: true;
  /** Fetches coaches' ICS feeds over the internet. */
  fetchesCalendars?: true;
  /** Writes join links into what it composes (emails, invites, the feed): reads the join-link key. */
  signsJoinLinks?: true;
}

export const apiFunctions = {
  system: { entry: 'functions/api/system.ts', table: 'none' },
  openapi: { entry: 'functions/api/openapi.ts', table: 'none' },
  identity: { entry: 'functions/api/identity.ts', table: 'readWrite' },
  orgs: { entry: 'functions/api/orgs.ts', table: 'readWrite', signsJoinLinks: true },
  schedules: { entry: 'functions/api/schedules.ts', table: 'readWrite' },
  calendar: { entry: 'functions/api/calendar.ts', table: 'readWrite', fetchesCalendars: true },
  feeds: { entry: 'functions/api/feeds.ts', table: 'read', signsJoinLinks: true },
  join: { entry: 'functions/api/join.ts', table: 'readWrite' },
  programs: { entry: 'functions/api/programs.ts', table: 'readWrite', signsJoinLinks: true },
  invites: { entry: 'functions/api/invites.ts', table: 'readWrite' },
  messages: { entry: 'functions/api/messages.ts', table: 'readWrite' },
  resources: { entry: 'functions/api/resources.ts', table: 'readWrite' },
  worksheets: { entry: 'functions/api/worksheets.ts', table: 'readWrite' },
  actionItems: { entry: 'functions/api/action-items.ts', table: 'readWrite' },
  availability: { entry: 'functions/api/availability.ts', table: 'read' },
  bookings: { entry: 'functions/api/bookings.ts', table: 'readWrite', signsJoinLinks: true },
  sessions: { entry: 'functions/api/sessions.ts', table: 'readWrite', signsJoinLinks: true },
  reports: { entry: 'functions/api/reports.ts', table: 'read' },
  reviews: { entry: 'functions/api/reviews.ts', table: 'readWrite' },
  analytics: { entry: 'functions/api/analytics.ts', table: 'read' },
  introCalls: { entry: 'functions/api/intro-calls.ts', table: 'readWrite' },
  webhooks: { entry: 'functions/api/webhooks.ts', table: 'readWrite' },
} as const satisfies Record<string, ApiFunctionSpec>;

export type ApiFunctionName = keyof typeof apiFunctions;

export const routes = [
  {
    method: 'GET',
    path: '/health',
    fn: 'system',
    public: true,
    publicBecause: 'A liveness probe for monitors; it reads nothing and reveals nothing.',
    summary: 'Liveness check',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    fn: 'openapi',
    public: true,
    publicBecause: 'The API description frontends and tools read; it holds no data, only what the API accepts and answers.',
    summary: 'The OpenAPI 3.1 description of this API',
  },

  { method: 'GET', path: '/me', fn: 'identity', summary: 'The caller, their profile and memberships' },
  { method: 'PATCH', path: '/me', fn: 'identity', summary: "Change the caller's name, zone, locale, hour cycle, bio or photo" },

  { method: 'POST', path: '/orgs', fn: 'orgs', summary: 'Create an org; the caller becomes its coach' },
  { method: 'GET', path: '/orgs/{orgId}', fn: 'orgs', summary: 'Read an org' },
  { method: 'PATCH', path: '/orgs/{orgId}', fn: 'orgs', summary: 'Update an org' },

  { method: 'POST', path: '/orgs/{orgId}/schedules', fn: 'schedules', summary: 'Create an availability schedule' },
  { method: 'GET', path: '/orgs/{orgId}/schedules', fn: 'schedules', summary: 'List availability schedules' },
  { method: 'GET', path: '/orgs/{orgId}/schedules/{scheduleId}', fn: 'schedules', summary: 'Read a schedule' },
  { method: 'PATCH', path: '/orgs/{orgId}/schedules/{scheduleId}', fn: 'schedules', summary: 'Update a schedule' },

  { method: 'PUT', path: '/orgs/{orgId}/calendar', fn: 'calendar', summary: "Connect the coach's calendar (ICS feed)" },
  { method: 'DELETE', path: '/orgs/{orgId}/calendar', fn: 'calendar', summary: "Disconnect the coach's calendar" },
  { method: 'POST', path: '/orgs/{orgId}/calendar/rotate-feed', fn: 'calendar', summary: "A new link to the coach's private session feed; the old link stops at once" },
  {
    method: 'GET',
    path: '/feeds/{feedToken}',
    fn: 'feeds',
    public: true,
    publicBecause: 'Calendar apps subscribe without credentials; the unguessable secret in the URL is the credential, and a wrong one is a 404.',
    throttle: 'polling',
    summary: "The coach's private ICS feed of their sessions",
  },
  {
    method: 'GET',
    path: '/j/{token}',
    fn: 'join',
    public: true,
    publicBecause: 'Calendar apps and email clients open join links without credentials; the unguessable per-person secret in the URL is the credential, and a wrong one is a 404.',
    summary: 'A personal join link: records the join and redirects to the meeting (inside the join window)',
  },

  { method: 'POST', path: '/orgs/{orgId}/programs', fn: 'programs', summary: 'Create a 1:1 coaching program with its whole private space' },
  { method: 'GET', path: '/orgs/{orgId}/programs', fn: 'programs', summary: 'List programs (a client sees only their own)' },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}', fn: 'programs', summary: 'Read a program' },
  { method: 'PATCH', path: '/orgs/{orgId}/programs/{programId}', fn: 'programs', summary: 'Rename a program' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/publish', fn: 'programs', summary: 'Publish a program (idempotent)' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/modules', fn: 'programs', summary: 'Append a session module' },
  { method: 'PATCH', path: '/orgs/{orgId}/programs/{programId}/modules/{moduleId}', fn: 'programs', summary: 'Rename a module' },
  { method: 'DELETE', path: '/orgs/{orgId}/programs/{programId}/modules/{moduleId}', fn: 'programs', summary: 'Remove a session module' },
  {
    method: 'PUT',
    path: '/orgs/{orgId}/programs/{programId}/templates/{templateKind}',
    fn: 'programs',
    summary: 'Replace the questions of every session prep or reflection, or of the intake or 90-day reflection (their 1–10 rating must stay: 409 rating_question_required)',
  },
  { method: 'DELETE', path: '/orgs/{orgId}/programs/{programId}/activities/{activityId}', fn: 'programs', summary: 'Remove an activity' },
  { method: 'PUT', path: '/orgs/{orgId}/programs/{programId}/homepage', fn: 'programs', summary: 'Replace the homepage' },

  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/invites', fn: 'invites', summary: 'Invite the client by email' },
  { method: 'POST', path: '/invites/{token}/accept', fn: 'invites', summary: 'Accept an invite and become the client' },

  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/messages', fn: 'messages', summary: 'The private message thread, oldest first' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/messages', fn: 'messages', summary: 'Post a message' },

  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/resources', fn: 'resources', summary: 'The resource library' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/resources', fn: 'resources', summary: 'Add a resource' },
  { method: 'DELETE', path: '/orgs/{orgId}/programs/{programId}/resources/{resourceId}', fn: 'resources', summary: 'Remove a resource' },

  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/activities/{activityId}', fn: 'worksheets', summary: "An activity with the client's response" },
  { method: 'PUT', path: '/orgs/{orgId}/programs/{programId}/activities/{activityId}/response', fn: 'worksheets', summary: 'Answer a worksheet (client)' },

  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/modules/{moduleId}/action-items', fn: 'actionItems', summary: 'Add an action item to a session' },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/action-items', fn: 'actionItems', summary: 'List action items' },
  { method: 'PATCH', path: '/orgs/{orgId}/programs/{programId}/action-items/{actionItemId}', fn: 'actionItems', summary: 'Tick off or edit an action item' },
  { method: 'DELETE', path: '/orgs/{orgId}/programs/{programId}/action-items/{actionItemId}', fn: 'actionItems', summary: 'Remove an action item' },

  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/availability', fn: 'availability', summary: 'Bookable slots of a package (at most 62 days)' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/bookings', fn: 'bookings', summary: 'Book a session' },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/bookings', fn: 'bookings', summary: "The program's sessions, in time order" },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}', fn: 'bookings', summary: 'Read a session' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}/cancel', fn: 'bookings', summary: 'Cancel a session' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}/reschedule', fn: 'bookings', summary: 'Move a session, or ask the coach to' },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/reschedule-requests', fn: 'bookings', summary: "The client's requests to move sessions (coach)" },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/approve', fn: 'bookings', summary: 'Approve a reschedule request' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/reschedule-requests/{requestId}/reject', fn: 'bookings', summary: 'Reject a reschedule request' },

  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}/join', fn: 'sessions', summary: 'Join a session (from 15 minutes before)' },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}/no-show', fn: 'sessions', summary: 'Mark a missed session (coach)' },
  { method: 'PUT', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes', fn: 'sessions', summary: "The coach's private notes on a session" },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/bookings/{bookingId}/notes', fn: 'sessions', summary: "Read the coach's private notes" },

  {
    method: 'GET',
    path: '/orgs/{orgId}/programs/{programId}/report',
    fn: 'reports',
    summary: 'The program report (coach): sessions, worksheet completion, progress ratings, action items, satisfaction before and after, and each session in detail',
  },
  {
    method: 'GET',
    path: '/orgs/{orgId}/programs/{programId}/report/progress.svg',
    fn: 'reports',
    summary: 'The progress chart as SVG: ratings by session with the intake and 90-day satisfaction (coach, and the client once published)',
  },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/review-requests', fn: 'reviews', summary: 'Ask the client for a review by email (coach; one open request at a time, open 30 days)' },
  { method: 'GET', path: '/orgs/{orgId}/programs/{programId}/reviews', fn: 'reviews', summary: "The client's review and the latest request (coach and client)" },
  { method: 'POST', path: '/orgs/{orgId}/programs/{programId}/reviews', fn: 'reviews', summary: 'Write or change your review: rating 1–5, optional text (client; 201 new, 200 changed)' },

  {
    method: 'GET',
    path: '/orgs/{orgId}/analytics',
    fn: 'analytics',
    summary:
      'Org analytics for ?from=&to= (dates in the org zone, both included, at most 366 days; coach): sessionsCompleted, noShows, cancellations (late and free), ' +
      'clientRetentionRate = of the clients who completed at least one session in the previous period of equal length, the share who also completed one in this period (null if none did), ' +
      'averageRating of reviews first written in the period, revenue per month and currency in minor units (completed sessions, late cancellations and no-shows at their booked price; never summed across currencies)',
  },
  {
    method: 'GET',
    path: '/orgs/{orgId}/coaching-log.csv',
    fn: 'analytics',
    summary: 'The coaching log for ?from=&to= as RFC 4180 CSV (coach): one row per completed session with date, client, program, hours, paid or free',
  },
  {
    method: 'GET',
    path: '/orgs/{orgId}/intro-calls/availability',
    fn: 'introCalls',
    public: true,
    publicBecause: "Prospects pick a free intro call before they have an account; it shows times only, is limited per address and throttled, and an org that takes no intro calls is a 404.",
    summary: 'Free intro-call slots of a coach (at most 31 days)',
  },
  {
    method: 'POST',
    path: '/orgs/{orgId}/intro-calls',
    fn: 'introCalls',
    public: true,
    publicBecause: 'Prospects book a free intro call without an account; bodies are small and strictly checked, and bookings are limited per address and per email, and throttled.',
    summary: 'Book a free intro call',
  },
  {
    method: 'GET',
    path: '/intro-calls/by-token/{token}',
    fn: 'introCalls',
    public: true,
    publicBecause: "The unguessable secret in the prospect's emailed link is the credential (only its hash is stored); a wrong one is a 404.",
    summary: "A prospect's intro call, through their link",
  },
  {
    method: 'POST',
    path: '/intro-calls/by-token/{token}/cancel',
    fn: 'introCalls',
    public: true,
    publicBecause: "The unguessable secret in the prospect's emailed link is the credential; changes are limited per address and throttled.",
    summary: 'The prospect cancels their intro call',
  },
  {
    method: 'POST',
    path: '/intro-calls/by-token/{token}/reschedule',
    fn: 'introCalls',
    public: true,
    publicBecause: "The unguessable secret in the prospect's emailed link is the credential; changes are limited per address and throttled.",
    summary: 'The prospect moves their intro call',
  },
  { method: 'GET', path: '/orgs/{orgId}/intro-calls', fn: 'introCalls', summary: "The coach's intro calls, in time order" },
  { method: 'POST', path: '/orgs/{orgId}/intro-calls/{introCallId}/cancel', fn: 'introCalls', summary: 'The coach cancels an intro call' },

  {
    method: 'POST',
    path: '/orgs/{orgId}/webhooks',
    fn: 'webhooks',
    summary: 'Register a webhook endpoint (coach): an https URL and event types (or *); the answer shows its signing secret, once',
  },
  { method: 'GET', path: '/orgs/{orgId}/webhooks', fn: 'webhooks', summary: "The org's webhook endpoints (coach; secrets are never shown again)" },
  { method: 'DELETE', path: '/orgs/{orgId}/webhooks/{webhookId}', fn: 'webhooks', summary: 'Delete a webhook endpoint: it receives nothing more, pending retries included' },
  {
    method: 'POST',
    path: '/orgs/{orgId}/webhooks/{webhookId}/rotate-secret',
    fn: 'webhooks',
    summary: 'A new signing secret, shown once; the old one keeps signing beside it for 24 hours',
  },
  {
    method: 'GET',
    path: '/orgs/{orgId}/webhooks/{webhookId}/deliveries',
    fn: 'webhooks',
    summary: "An endpoint's deliveries, newest first (?status=pending|delivered|failed): each event's attempts, answers and payload, kept 30 days",
  },
  {
    method: 'POST',
    path: '/orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay',
    fn: 'webhooks',
    summary: 'Send a delivered or failed event again at once, as a new delivery with the same webhook-id and body',
  },
] as const satisfies readonly RouteSpec[];

type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;

/** Route keys as API Gateway puts them in `event.routeKey`, e.g. `PATCH /orgs/{orgId}`. */
export type RouteKey = KeyOf<(typeof routes)[number]>;

/** The route keys one function must serve: its dispatch table is checked against this at compile time. */
export type RouteKeyOf<F extends ApiFunctionName> = KeyOf<Extract<(typeof routes)[number], { fn: F }>>;

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;
