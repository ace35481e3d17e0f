import type { RouteKey } from '../routes';
import type { OperationDoc } from './operation';
import { bookingOperations } from './operations/bookings';
import { identityAndOrgOperations } from './operations/identity-and-orgs';
import { introCallOperations } from './operations/intro-calls';
import { outcomeOperations } from './operations/outcomes';
import { programOperations } from './operations/programs';
import { systemOperations } from './operations/system';
import { webhookOperations } from './operations/webhooks';
import { workingTogetherOperations } from './operations/working-together';

/**
 * The OpenAPI description of every route, keyed by route key. Kept out of the route table's rows
 * so that adding a route and describing it do not fight over one list; the type (and a test)
 * make a route without its description, or a description without its route, fail.
 */
export const operations: Record<RouteKey, OperationDoc> = {
  ...systemOperations,
  ...identityAndOrgOperations,
  ...programOperations,
  ...workingTogetherOperations,
  ...bookingOperations,
  ...outcomeOperations,
  ...introCallOperations,
  ...webhookOperations,
};
