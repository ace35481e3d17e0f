import { orgPath, pageQuery } from '../../schemas/common';
import { acceptInviteBody, inviteBody, invitePath } from '../../schemas/invites';
import { activityPath, modulePath, programPath, templatePath } from '../../schemas/paths';
import { createProgramBody, homepageBody, newModuleBody, patchProgramBody, renameModuleBody, templateBody } from '../../schemas/programs';
import type { OperationDoc } from '../operation';
import { acceptedInvite, addedModule, createdProgram, homepage, invite, listOf, module, program, programSummary, publishResult, sessionTotal, template } from '../response-schemas';

const structureEdit = { 409: ['concurrent_update'] } as const;
/** The per-user daily quotas (shared/domain/rate-limits/user-quotas.ts). */
const dailyQuota = { 429: ['too_many_requests'] } as const;

export const programOperations = {
  'POST /orgs/{orgId}/programs': {
    access: 'coach',
    tags: ['Programs'],
    description:
      'Creates one client’s private coaching space, generated whole: getting started (welcome, intake, the coach-only guide), one module per session ' +
      '(prep, booking, reflection, action items), a 90-day look back and a resource library. Defaults: name "1:1 Coaching", 12 sessions (1–52), ' +
      'one 60-minute session a week, and a new Mon–Fri 10:00–17:00 schedule in the org’s zone unless `scheduleId` names one. `quickCheckIns` adds three 15-minute check-ins. ' +
      '`pricePerSession` (`amount` in minor units — 15000 is 150.00 USD — and an ISO 4217 currency) is what each completed coaching session, late cancellation and no-show counts as revenue in the analytics. ' +
      '`fromIntroCallId` starts the program from an intro call and invites its prospect at once. The coach’s calendar must be connected first, so bookings respect it. Starts as a draft. ' +
      'A coach may create 100 programs and send 200 invitations a day (UTC); beyond, a 429 with `Retry-After` until midnight UTC.',
    request: { path: orgPath, body: createProgramBody, example: { type: 'one_to_one_coaching', name: 'Leadership coaching', totalSessions: 8, pricePerSession: { amount: 15000, currency: 'USD' } } },
    responses: { 201: { description: 'Created, as `GET` returns it.', schema: createdProgram } },
    errors: { 409: ['calendar_not_connected', 'schedule_limit_reached', 'intro_call_converted'], ...dailyQuota },
  },
  'GET /orgs/{orgId}/programs': {
    access: 'member',
    tags: ['Programs'],
    description: 'The coach sees every program of the org; a client sees only the published programs they joined.',
    request: { path: orgPath, query: pageQuery },
    responses: { 200: { description: 'A page of programs.', schema: listOf(programSummary, 'ProgramSummary') } },
  },
  'GET /orgs/{orgId}/programs/{programId}': {
    access: 'member',
    tags: ['Programs'],
    description: 'The whole program. The client sees it once it is published and they have joined, and never sees coach-only activities.',
    request: { path: programPath },
    responses: { 200: { description: 'The program.', schema: program } },
  },
  'PATCH /orgs/{orgId}/programs/{programId}': {
    access: 'coach',
    tags: ['Programs'],
    description:
      'Renames the program and/or sets its price per session (minor units and ISO 4217 currency; `null` makes it free); send at least one. ' +
      'Sessions already booked keep the price they were booked at, in the analytics too. A new name reaches the invitations of upcoming sessions (updated calendar invites).',
    request: { path: programPath, body: patchProgramBody, example: { name: 'Leadership coaching with Alex', pricePerSession: { amount: 18000, currency: 'USD' } } },
    responses: { 200: { description: 'The program summary.', schema: programSummary } },
  },
  'POST /orgs/{orgId}/programs/{programId}/publish': {
    access: 'coach',
    tags: ['Programs'],
    description: 'Makes the program visible to its client. Publishing again changes nothing.',
    request: { path: programPath },
    responses: { 200: { description: 'Published.', schema: publishResult } },
  },
  'POST /orgs/{orgId}/programs/{programId}/modules': {
    access: 'coach',
    tags: ['Program editing'],
    description: 'Appends a session module (numbered next); the program’s session total and the coaching package follow. At most 52 sessions.',
    request: { path: programPath, body: newModuleBody, example: { title: 'Bonus session' } },
    responses: { 201: { description: 'The new module and the new total.', schema: addedModule } },
    errors: { 409: ['session_limit_reached', 'concurrent_update'] },
  },
  'PATCH /orgs/{orgId}/programs/{programId}/modules/{moduleId}': {
    access: 'coach',
    tags: ['Program editing'],
    description: 'Renames a module.',
    request: { path: modulePath, body: renameModuleBody, example: { title: 'Kick-off' } },
    responses: { 200: { description: 'The module.', schema: module } },
    errors: structureEdit,
  },
  'DELETE /orgs/{orgId}/programs/{programId}/modules/{moduleId}': {
    access: 'coach',
    tags: ['Program editing'],
    description:
      'Removes a session module; later sessions renumber and the total follows. The last session module cannot go, nor one whose session (or a later one) is booked: cancel or move those first. Only session modules can be removed.',
    request: { path: modulePath },
    responses: { 200: { description: 'Removed; the new session total.', schema: sessionTotal } },
    errors: { 409: ['last_session_module', 'session_module_booked', 'module_not_removable', 'concurrent_update'] },
  },
  'PUT /orgs/{orgId}/programs/{programId}/templates/{templateKind}': {
    access: 'coach',
    tags: ['Program editing'],
    description:
      'Replaces the questions of a worksheet: `session_prep` or `session_reflection` in every session module at once, or the program’s `intake` or `reflection_90_day` (1–20 questions; rating questions have a min–max range, 1–10 unless given). ' +
      'The ratings the report is built from must stay as 1–10 ratings under their ids (reword them freely): `satisfaction` in the intake and the 90-day reflection, `progress_rating` in session reflections; else 409 `rating_question_required`. ' +
      'Answers already given keep the wording they were given under.',
    request: {
      path: templatePath,
      body: templateBody,
      example: { questions: [{ prompt: 'What do you want from this session?', type: 'text', required: true }, { prompt: 'How was your week?', type: 'rating', min: 1, max: 10 }] },
    },
    responses: { 200: { description: 'The new questions.', schema: template } },
    errors: { 409: ['rating_question_required', 'concurrent_update'] },
  },
  'DELETE /orgs/{orgId}/programs/{programId}/activities/{activityId}': {
    access: 'coach',
    tags: ['Program editing'],
    description: 'Removes an activity from its module.',
    request: { path: activityPath },
    responses: { 204: { description: 'Removed.' } },
    errors: structureEdit,
  },
  'PUT /orgs/{orgId}/programs/{programId}/homepage': {
    access: 'coach',
    tags: ['Program editing'],
    description: 'Replaces the homepage the client sees first: up to four sections (welcome, how we work, about the coach, what to expect), each once.',
    request: { path: programPath, body: homepageBody, example: { sections: [{ key: 'welcome', title: 'Welcome', body: 'Glad you are here.' }] } },
    responses: { 200: { description: 'The homepage.', schema: homepage } },
  },
  'POST /orgs/{orgId}/programs/{programId}/invites': {
    access: 'coach',
    tags: ['Joining'],
    description:
      'Emails the future client a link to join. The invite lasts 14 days. A program has one client: once joined, no more invites. ' +
      'A coach may send 200 invitations a day (UTC); beyond, a 429 with `Retry-After` until midnight UTC.',
    request: { path: programPath, body: inviteBody, example: { email: 'alex@example.com' } },
    responses: { 201: { description: 'Invited.', schema: invite } },
    errors: { 409: ['program_has_client'], ...dailyQuota },
  },
  'POST /invites/{token}/accept': {
    access: 'signedIn',
    tags: ['Joining'],
    description:
      'The signed-in caller becomes the program’s client (the token comes from the emailed link). Accepting again as the same person answers the same. ' +
      'The optional `timeZone` sets the zone of the times in the client’s emails.',
    request: { path: invitePath, body: acceptInviteBody, example: { timeZone: 'America/New_York' } },
    responses: { 200: { description: 'Joined.', schema: acceptedInvite } },
    errors: { 409: ['invite_used', 'program_has_client', 'coach_cannot_be_client'], 410: ['invite_expired'] },
  },
} satisfies Record<string, OperationDoc>;
