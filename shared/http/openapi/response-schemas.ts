import * as z from 'zod';
import { EDITABLE_WORKSHEETS, HOMEPAGE_KEYS } from '../../domain/programs/program';
import { WEEKDAYS } from '../../domain/time/wall-clock';

/**
 * What the API answers, as zod schemas: only the OpenAPI document reads them (never a handler),
 * and every end-to-end response is checked against the JSON Schema generated from them.
 * Each named schema becomes a component; its example is checked against it by a test.
 */
export const id = z.string().meta({ description: 'An opaque id.', example: '01KQ3V0Z9G8WJ4E6D2R5T7Y1AB' });
export const instant = z.iso.datetime().meta({ id: 'Instant', description: 'An instant in UTC, ISO 8601 with `Z`.', example: '2026-12-01T09:00:00Z' });
export const nullableInstant = instant.nullable();
export const date = z.iso.date().meta({ example: '2026-12-24' });
const time = z.string().regex(/^\d{2}:\d{2}$/).meta({ description: 'A wall-clock time, HH:mm.', example: '10:00' });
export const zone = z.string().meta({ description: 'An IANA time zone name.', example: 'Europe/London' });
const url = z.string().meta({ format: 'uri' });
/** As the API stored it; the API checked it on the way in. */
const email = z.string().meta({ description: 'An email address.', example: 'alex@example.com' });

export const errorBody = z.object({
  code: z.string().meta({ description: 'A stable snake_case code a frontend can switch on.' }),
  message: z.string().meta({ description: 'A sentence for a human; wording may change.' }),
  details: z
    .array(z.object({ field: z.string().meta({ example: 'weekly.0.start' }), message: z.string() }))
    .optional()
    .meta({ description: 'For `validation_failed`: one entry per bad field (dotted path: `body`, `query.from`, `weekly.0.start`).' }),
});

export const health = z.object({ ok: z.literal(true) }).meta({ id: 'Health', example: { ok: true } });

const membership = z.union([
  z.object({ orgId: id, role: z.literal('coach') }),
  z.object({ orgId: id, role: z.literal('client'), programId: id }),
]);

export const me = z
  .object({
    userId: z.string(),
    email: email,
    displayName: z.string().nullable(),
    timeZone: zone.nullable(),
    locale: z.string().nullable().meta({ description: 'A BCP 47 language tag, e.g. en-GB.' }),
    hourCycle: z.union([z.literal(12), z.literal(24)]).meta({ description: 'From the profile, else from the locale.' }),
    bio: z.string().nullable(),
    photoUrl: url.nullable(),
    memberships: z.array(membership),
  })
  .meta({
    id: 'Me',
    description: 'The signed-in person and where they belong. Roles come from stored memberships, never from token groups.',
    example: {
      userId: '3f1c2a9e-6b7d-5e2f-a1c3-0d4e5f6a7b8c',
      email: 'sam@example.com',
      displayName: 'Sam Rivera',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      hourCycle: 24,
      bio: null,
      photoUrl: null,
      memberships: [{ orgId: '01KQ3V0Z9G8WJ4E6D2R5T7Y1AB', role: 'coach' }],
    },
  });

const introCallQuestion = z.object({ questionId: z.string(), prompt: z.string(), required: z.boolean() });

const introCalls = z.object({
  enabled: z.boolean(),
  scheduleId: id,
  durationMinutes: z.literal(15),
  questions: z.array(introCallQuestion).meta({ description: 'What a prospect is asked when booking.' }),
});

const calendarState = z.object({
  connected: z.boolean(),
  icsUrl: url.nullable().meta({ description: "The coach's own calendar feed, whose events are busy time." }),
  feedUrl: url.nullable().meta({ description: "The coach's private, unguessable ICS feed of all their sessions; subscribe to it in any calendar app." }),
  lastSyncedAt: nullableInstant.meta({ description: 'When the feed was last read successfully: how old the busy time in use is.' }),
  lastSyncError: z.string().nullable().meta({ description: 'Why the last read failed; null when it worked.' }),
  eventsInHorizon: z.number().int().nullable().meta({ description: 'Busy events found ahead, within the booking horizon.' }),
});

export const org = z
  .object({
    orgId: id,
    name: z.string(),
    timeZone: zone,
    meetingUrl: url.nullable().meta({ description: 'Where sessions take place; join links lead here.' }),
    logoUrl: url.nullable().meta({ description: 'Shown in emails.' }),
    brandColor: z.string().nullable().meta({ description: 'A hex colour for emails, e.g. #2f6f5e.' }),
    signature: z.string().nullable().meta({ description: "Closes the coach's emails." }),
    introCalls: introCalls.nullable(),
    calendar: calendarState,
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({
    id: 'Org',
    description: "One coach's practice. Only its coach can read or change it.",
    example: {
      orgId: '01KQ3V0Z9G8WJ4E6D2R5T7Y1AB',
      name: 'Clear Path Coaching',
      timeZone: 'Europe/London',
      meetingUrl: 'https://meet.example.com/sam',
      logoUrl: null,
      brandColor: '#2f6f5e',
      signature: 'Sam',
      introCalls: null,
      calendar: {
        connected: true,
        icsUrl: 'https://calendar.example.com/sam.ics',
        feedUrl: 'https://api.example.com/feeds/01KQ3V0Z9G8WJ4E6D2R5T7Y1AB.s3cr3t.ics',
        lastSyncedAt: '2026-11-02T08:00:00Z',
        lastSyncError: null,
        eventsInHorizon: 14,
      },
      createdAt: '2026-11-02T08:00:00Z',
      updatedAt: '2026-11-02T08:00:00Z',
    },
  });

export const calendarConnection = calendarState.meta({ id: 'CalendarConnection' });

const window = z.object({ start: time, end: time });

export const schedule = z
  .object({
    scheduleId: id,
    name: z.string(),
    timeZone: zone,
    weekly: z.array(window.extend({ day: z.enum(WEEKDAYS) })),
    overrides: z.array(z.object({ date, intervals: z.array(window) })).meta({ description: 'Each replaces that whole date; no intervals means a day off.' }),
    bufferMinutes: z.number().int(),
    minimumNoticeMinutes: z.number().int(),
    slotIntervalMinutes: z.number().int(),
    bookingHorizonDays: z.number().int().meta({ description: 'How far ahead clients can book (1–365).' }),
    version: z.number().int().meta({ description: 'Rises on every change.' }),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({
    id: 'Schedule',
    description: 'Weekly wall-clock windows in one IANA zone, plus date overrides.',
    example: {
      scheduleId: '01KQ3V1A2B3C4D5E6F7G8H9J0K',
      name: 'Coaching Session (60 min)',
      timeZone: 'Europe/London',
      weekly: [{ day: 'mon', start: '10:00', end: '17:00' }],
      overrides: [{ date: '2026-12-24', intervals: [] }],
      bufferMinutes: 15,
      minimumNoticeMinutes: 720,
      slotIntervalMinutes: 30,
      bookingHorizonDays: 90,
      version: 1,
      createdAt: '2026-11-02T08:00:00Z',
      updatedAt: '2026-11-02T08:00:00Z',
    },
  });

const packageId = z.enum(['coaching', 'quick_check_in']);

const slot = z.object({ start: instant, end: instant });

export const money = z.object({
  amount: z.number().int().meta({ description: 'Minor units: 15000 is 150.00 USD, 15000 JPY is ¥15,000.' }),
  currency: z.string().meta({ description: 'ISO 4217.', example: 'USD' }),
});

const question = z.object({
  questionId: z.string(),
  prompt: z.string(),
  type: z.enum(['text', 'rating']),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  required: z.boolean(),
});

const activityKind = z.enum(['admin_guide', 'intake', 'session_prep', 'booking', 'session_reflection', 'action_items', 'reflection_90_day', 'resource_library']);

export const activity = z
  .object({
    activityId: id,
    kind: activityKind,
    title: z.string(),
    visibility: z.enum(['coach_only', 'private']).meta({ description: '`coach_only` activities never reach the client.' }),
    questions: z.array(question).optional().meta({ description: 'Worksheets only.' }),
    body: z.string().optional().meta({ description: "Text shown with the activity (the coach's admin guide)." }),
  })
  .meta({ id: 'Activity' });

const sessionModule = z.object({
  moduleId: id,
  kind: z.enum(['welcome', 'session', 'looking_back', 'resource_library']),
  title: z.string(),
  sessionNumber: z.number().int().optional(),
  activities: z.array(activity),
});

export const module = sessionModule.meta({ id: 'Module' });

const homepageSection = z.object({ key: z.enum(HOMEPAGE_KEYS), title: z.string(), body: z.string() });
export const homepage = z.object({ sections: z.array(homepageSection) }).meta({ id: 'Homepage' });

const programFields = {
  programId: id,
  orgId: id,
  type: z.literal('one_to_one_coaching'),
  name: z.string(),
  status: z.enum(['draft', 'published']),
  totalSessions: z.number().int(),
  scheduleId: id,
  quickCheckIns: z.boolean(),
  pricePerSession: money.nullable(),
  client: z.object({ userId: z.string(), email: email }).nullable(),
  createdAt: instant,
  updatedAt: instant,
  publishedAt: nullableInstant,
};

const programSummaryExample = {
  programId: '01KQ3V2B3C4D5E6F7G8H9J0K1L',
  orgId: '01KQ3V0Z9G8WJ4E6D2R5T7Y1AB',
  type: 'one_to_one_coaching',
  name: '1:1 Coaching',
  status: 'published',
  totalSessions: 12,
  scheduleId: '01KQ3V1A2B3C4D5E6F7G8H9J0K',
  quickCheckIns: false,
  pricePerSession: { amount: 15000, currency: 'USD' },
  client: { userId: '9a8b7c6d-5e4f-5a1b-a2c3-d4e5f6a7b8c9', email: 'alex@example.com' },
  createdAt: '2026-11-02T08:00:00Z',
  updatedAt: '2026-11-03T08:00:00Z',
  publishedAt: '2026-11-03T08:00:00Z',
};

export const programSummary = z.object(programFields).meta({ id: 'ProgramSummary', example: programSummaryExample });

export const program = z
  .object({
    ...programFields,
    client: z
      .object({
        userId: z.string(),
        email: email,
        emailSuppressed: z
          .object({ reason: z.enum(['bounce', 'complaint']), since: instant })
          .nullable()
          .meta({ description: 'Set when SES bounced this address for good or got a complaint: Rapport no longer emails the client.' }),
      })
      .nullable(),
    settings: z.object({ feed: z.literal('off'), memberDirectory: z.literal('hidden') }),
    packages: z.array(
      z.object({
        packageId,
        name: z.string(),
        durationMinutes: z.number().int(),
        perWeek: z.number().int().optional(),
        total: z.number().int(),
      }),
    ),
    sections: z.array(
      z.object({ sectionId: id, kind: z.enum(['getting_started', 'sessions', 'looking_back', 'resources']), title: z.string(), modules: z.array(sessionModule) }),
    ),
    homepage,
  })
  .meta({
    id: 'Program',
    description: "One client's private coaching space. Visible to its coach, and to its client once published and joined; a client never sees `coach_only` activities.",
    example: {
      ...programSummaryExample,
      client: { ...programSummaryExample.client, emailSuppressed: null },
      settings: { feed: 'off', memberDirectory: 'hidden' },
      packages: [{ packageId: 'coaching', name: 'Coaching Session', durationMinutes: 60, perWeek: 1, total: 12 }],
      sections: [
        {
          sectionId: '01KQ3V3C4D5E6F7G8H9J0K1L2M',
          kind: 'sessions',
          title: 'Sessions',
          modules: [
            {
              moduleId: '01KQ3V4D5E6F7G8H9J0K1L2M3N',
              kind: 'session',
              title: 'Session 1',
              sessionNumber: 1,
              activities: [{ activityId: '01KQ3V5E6F7G8H9J0K1L2M3N4P', kind: 'booking', title: 'Book your session', visibility: 'private' }],
            },
          ],
        },
      ],
      homepage: { sections: [{ key: 'welcome', title: 'Welcome', body: 'Glad you are here.' }] },
    },
  });

export const publishResult = z.object({ status: z.literal('published'), publishedAt: instant }).meta({ id: 'PublishResult' });

export const addedModule = sessionModule.extend({ totalSessions: z.number().int() }).meta({ id: 'AddedModule' });

export const template = z
  .object({ kind: z.enum(EDITABLE_WORKSHEETS), questions: z.array(question) })
  .meta({ id: 'Template', description: 'The questions the worksheet now asks (for session prep and reflection: in every session module).' });

export const invite = z
  .object({ inviteId: id, email: email, name: z.string().optional().meta({ description: 'The invitee’s name, when known.' }), expiresAt: instant })
  .meta({ id: 'Invite', example: { inviteId: '01KQ3V6F7G8H9J0K1L2M3N4P5Q', email: 'alex@example.com', expiresAt: '2026-11-16T08:00:00Z' } });

export const acceptedInvite = z.object({ orgId: id, programId: id }).meta({ id: 'AcceptedInvite' });

export const message = z
  .object({ messageId: id, authorId: z.string(), body: z.string(), sentAt: instant })
  .meta({ id: 'Message', example: { messageId: '01KQ3V7G8H9J0K1L2M3N4P5Q6R', authorId: '3f1c2a9e-6b7d-5e2f-a1c3-0d4e5f6a7b8c', body: 'See you Tuesday!', sentAt: '2026-11-03T09:12:00Z' } });

export const resource = z
  .object({ resourceId: id, title: z.string(), url: url.nullable(), note: z.string().nullable(), sessionNumber: z.number().int().nullable(), createdAt: instant })
  .meta({ id: 'Resource' });

const worksheetResponse = z.object({ answers: z.record(z.string(), z.union([z.string(), z.number()])), submittedAt: instant, updatedAt: instant }).nullable();

export const activityWithResponse = activity
  .extend({ moduleId: id, response: worksheetResponse.meta({ description: "The client's answers; null until they answer." }) })
  .meta({ id: 'ActivityWithResponse' });

export const savedResponse = z.object({ activityId: id, response: worksheetResponse }).meta({ id: 'SavedResponse' });

export const actionItem = z
  .object({ actionItemId: id, moduleId: id, text: z.string(), dueDate: date.nullable(), done: z.boolean(), doneAt: nullableInstant, createdAt: instant, updatedAt: instant })
  .meta({ id: 'ActionItem' });

export const availability = z
  .object({
    timeZone: zone.meta({ description: "The schedule's zone, for showing the slots as the coach set them." }),
    packageId,
    durationMinutes: z.number().int(),
    remaining: z.number().int().meta({ description: 'Sessions of this package still to book.' }),
    calendarChecked: z.boolean().meta({ description: "False when the coach's calendar could not be read just now (its last known events were used)." }),
    calendar: z
      .object({ connected: z.boolean(), lastSyncedAt: nullableInstant, lastSyncError: z.string().nullable() })
      .meta({ description: "How fresh the coach's calendar (busy time) behind these slots is." }),
    slots: z.array(slot),
  })
  .meta({
    id: 'Availability',
    example: {
      timeZone: 'Europe/London',
      packageId: 'coaching',
      durationMinutes: 60,
      remaining: 11,
      calendarChecked: true,
      calendar: { connected: true, lastSyncedAt: '2026-12-01T07:55:00Z', lastSyncError: null },
      slots: [{ start: '2026-12-07T10:00:00Z', end: '2026-12-07T11:00:00Z' }],
    },
  });

const bookingStatus = z.enum(['confirmed', 'cancelled', 'no_show', 'completed']);

export const booking = z
  .object({
    bookingId: id,
    programId: id,
    packageId,
    start: instant,
    end: instant,
    status: bookingStatus.meta({ description: '`completed` once a confirmed session has ended.' }),
    sessionNumber: z.number().int().optional(),
    bookedBy: z.enum(['coach', 'client']),
    clientJoinedAt: nullableInstant,
    coachJoinedAt: nullableInstant,
    noShowMarkedBy: z.enum(['coach', 'automatic']).optional().meta({ description: 'No-shows only: who recorded it.' }),
    pendingRescheduleRequestId: id.nullable(),
    createdAt: instant,
    updatedAt: instant,
    cancelledAt: instant.optional().meta({ description: 'Cancelled bookings only, as are the three fields below.' }),
    cancelledBy: z.enum(['coach', 'client']).optional(),
    cancelReason: z.string().nullable().optional(),
    creditReturned: z.boolean().optional().meta({ description: 'Cancelled only: false when the client cancelled under 24 hours before the start.' }),
  })
  .meta({
    id: 'Booking',
    example: {
      bookingId: '01KQ3V8H9J0K1L2M3N4P5Q6R7S',
      programId: '01KQ3V2B3C4D5E6F7G8H9J0K1L',
      packageId: 'coaching',
      start: '2026-12-07T10:00:00Z',
      end: '2026-12-07T11:00:00Z',
      status: 'confirmed',
      sessionNumber: 1,
      bookedBy: 'client',
      clientJoinedAt: null,
      coachJoinedAt: null,
      pendingRescheduleRequestId: null,
      createdAt: '2026-12-01T08:00:00Z',
      updatedAt: '2026-12-01T08:00:00Z',
    },
  });

const requestFields = {
  requestId: id,
  bookingId: id,
  status: z.enum(['pending', 'approved', 'rejected', 'expired', 'withdrawn']),
  currentStart: instant,
  proposedStart: instant,
  proposedEnd: instant,
  reason: z.string().nullable(),
  createdAt: instant,
  expiresAt: instant,
  decidedAt: nullableInstant,
  decisionReason: z.string().nullable(),
};

export const rescheduleRequest = z.object(requestFields).meta({ id: 'RescheduleRequest' });

export const approvedRequest = z.object({ ...requestFields, booking }).meta({ id: 'ApprovedRescheduleRequest', description: 'The request, with the booking at its new time.' });

export const pendingReschedule = z
  .object({ requestId: id, status: z.literal('pending'), proposedStart: instant, expiresAt: instant })
  .meta({
    id: 'PendingReschedule',
    description: 'The client asked 24–48 hours ahead: the proposed time is held until the coach decides or the request expires.',
    example: { requestId: '01KQ3V9J0K1L2M3N4P5Q6R7S8T', status: 'pending', proposedStart: '2026-12-08T10:00:00Z', expiresAt: '2026-12-07T10:00:00Z' },
  });

export const joinLink = z
  .object({ joinUrl: url, opensAt: instant, closesAt: instant })
  .meta({ id: 'JoinLink', example: { joinUrl: 'https://meet.example.com/sam', opensAt: '2026-12-07T09:45:00Z', closesAt: '2026-12-07T11:00:00Z' } });

export const sessionNotes = z.object({ bookingId: id, body: z.string(), updatedAt: nullableInstant.meta({ description: 'Null while no notes were written.' }) }).meta({ id: 'SessionNotes' });

/** `{items, nextCursor}` for a list of `item`. */
export const listOf = (item: z.ZodType, name: string) =>
  z
    .object({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }) })
    .meta({ id: `${name}List` });

export const sessionTotal = z.object({ totalSessions: z.number().int() }).meta({ id: 'SessionTotal', description: 'How many sessions the program now has.' });

const introCallTimes = { start: instant, end: instant, durationMinutes: z.number().int() };
const introCallStatus = z.enum(['confirmed', 'cancelled', 'completed']);

export const prospectIntroCall = z
  .object({
    introCallId: id,
    orgId: id,
    coachName: z.string(),
    ...introCallTimes,
    status: introCallStatus,
    name: z.string(),
    email: email,
    timeZone: zone,
    meetingUrl: url.nullable().meta({ description: 'While the call is confirmed.' }),
    canChange: z.boolean().meta({ description: 'True while it can still be moved or cancelled.' }),
    cancelledAt: instant.optional(),
    cancelledBy: z.enum(['coach', 'prospect']).optional(),
  })
  .meta({ id: 'ProspectIntroCall', description: 'An intro call as the prospect sees it through their link.' });

export const coachIntroCall = z
  .object({
    introCallId: id,
    ...introCallTimes,
    status: introCallStatus,
    name: z.string(),
    email: email,
    timeZone: zone,
    answers: z.array(z.object({ questionId: z.string(), prompt: z.string(), answer: z.string() })),
    programId: id.nullable().meta({ description: 'The program created from this call, if any.' }),
    createdAt: instant,
    updatedAt: instant,
    cancelledAt: instant.optional(),
    cancelledBy: z.enum(['coach', 'prospect']).optional(),
    cancelReason: z.string().nullable().optional(),
  })
  .meta({ id: 'IntroCall', description: 'An intro call as the coach sees it.' });

export const introCallAvailability = z
  .object({
    coachName: z.string(),
    timeZone: zone,
    durationMinutes: z.number().int(),
    questions: z.array(introCallQuestion),
    slots: z.array(slot),
  })
  .meta({ id: 'IntroCallAvailability' });

export const createdProgram = program
  .extend({
    fromIntroCallId: id.optional().meta({ description: 'The intro call the program was started from; its prospect was invited in the same step.' }),
    invite: invite.optional(),
  })
  .meta({ id: 'CreatedProgram', description: 'The new program as `GET` returns it; started from an intro call, also the invite sent to its prospect.' });
