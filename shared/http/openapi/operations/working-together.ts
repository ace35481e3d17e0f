import { pageQuery } from '../../schemas/common';
import { actionItemsQuery, newActionItemBody, patchActionItemBody } from '../../schemas/action-items';
import { messageBody } from '../../schemas/messages';
import { actionItemPath, activityPath, modulePath, programPath, resourcePath } from '../../schemas/paths';
import { resourceBody } from '../../schemas/resources';
import { responseBody } from '../../schemas/worksheets';
import type { OperationDoc } from '../operation';
import { actionItem, activityWithResponse, listOf, message, resource, savedResponse } from '../response-schemas';

export const workingTogetherOperations = {
  'GET /orgs/{orgId}/programs/{programId}/messages': {
    access: 'member',
    tags: ['Messages'],
    description: 'The private thread between coach and client, oldest first. A new program already holds the coach’s welcome message.',
    request: { path: programPath, query: pageQuery },
    responses: { 200: { description: 'A page of messages.', schema: listOf(message, 'Message') } },
  },
  'POST /orgs/{orgId}/programs/{programId}/messages': {
    access: 'member',
    tags: ['Messages'],
    description:
      'Posts to the thread (1–5000 characters); the other side is emailed. Each person may post 1000 messages a day (UTC) across their programs; beyond, a 429 with `Retry-After` until midnight UTC.',
    request: { path: programPath, body: messageBody, example: { body: 'Looking forward to Tuesday!' } },
    responses: { 201: { description: 'Posted.', schema: message } },
    errors: { 429: ['too_many_requests'] },
  },
  'GET /orgs/{orgId}/programs/{programId}/resources': {
    access: 'member',
    tags: ['Resources'],
    description: 'The resource library the coach keeps for the client.',
    request: { path: programPath, query: pageQuery },
    responses: { 200: { description: 'A page of resources.', schema: listOf(resource, 'Resource') } },
  },
  'POST /orgs/{orgId}/programs/{programId}/resources': {
    access: 'coach',
    tags: ['Resources'],
    description: 'Adds a link (http or https), a note, or both; `sessionNumber` ties it to a session of this program.',
    request: { path: programPath, body: resourceBody, example: { title: 'The feedback model we discussed', url: 'https://example.com/feedback', sessionNumber: 2 } },
    responses: { 201: { description: 'Added.', schema: resource } },
  },
  'DELETE /orgs/{orgId}/programs/{programId}/resources/{resourceId}': {
    access: 'coach',
    tags: ['Resources'],
    description: 'Removes a resource.',
    request: { path: resourcePath },
    responses: { 204: { description: 'Removed.' } },
  },
  'GET /orgs/{orgId}/programs/{programId}/activities/{activityId}': {
    access: 'member',
    tags: ['Worksheets'],
    description: 'An activity with the client’s answers (null until they answer). A coach-only activity does not exist for the client.',
    request: { path: activityPath },
    responses: { 200: { description: 'The activity.', schema: activityWithResponse } },
  },
  'PUT /orgs/{orgId}/programs/{programId}/activities/{activityId}/response': {
    access: 'client',
    tags: ['Worksheets'],
    description:
      'The client answers a worksheet; answering again replaces the answers. Keys are question ids. An unknown question, a missing required answer, or a rating outside its min–max is a 400 naming the question. Answers that together are more than one stored record holds (about 400 KB) are a 413.',
    request: { path: activityPath, body: responseBody, example: { answers: { q1: 'Delegating more', q2: 7 } } },
    responses: { 200: { description: 'Saved.', schema: savedResponse } },
    errors: { 409: ['not_a_worksheet'], 413: ['payload_too_large'] },
  },
  'POST /orgs/{orgId}/programs/{programId}/modules/{moduleId}/action-items': {
    access: 'coach',
    tags: ['Action items'],
    description: 'The coach records a commitment from a session (session modules only), with an optional due date.',
    request: { path: modulePath, body: newActionItemBody, example: { text: 'Hold one skip-level meeting', dueDate: '2026-12-14' } },
    responses: { 201: { description: 'Added.', schema: actionItem } },
    errors: { 409: ['not_a_session_module'] },
  },
  'GET /orgs/{orgId}/programs/{programId}/action-items': {
    access: 'member',
    tags: ['Action items'],
    description: 'Every action item of the program, or of one module with `moduleId`.',
    request: { path: programPath, query: actionItemsQuery },
    responses: { 200: { description: 'A page of action items.', schema: listOf(actionItem, 'ActionItem') } },
  },
  'PATCH /orgs/{orgId}/programs/{programId}/action-items/{actionItemId}': {
    access: 'member',
    tags: ['Action items'],
    description: 'Either side ticks an item off (`done`); only the coach rewords it or moves its due date (the client gets 403).',
    request: { path: actionItemPath, body: patchActionItemBody, example: { done: true } },
    responses: { 200: { description: 'The item as changed.', schema: actionItem } },
    errors: { 403: ['forbidden'] },
  },
  'DELETE /orgs/{orgId}/programs/{programId}/action-items/{actionItemId}': {
    access: 'coach',
    tags: ['Action items'],
    description: 'Removes an action item.',
    request: { path: actionItemPath },
    responses: { 204: { description: 'Removed.' } },
  },
} satisfies Record<string, OperationDoc>;
