import type { RequestStatus, RescheduleRequest } from '../domain/bookings/reschedule-policy';
import { keys } from './keys';
import { queryAll, storedItem, type Table } from './table';
import type { TransactItem } from './write-transaction';

export class RescheduleRequestsRepository {
  constructor(private readonly table: Table) {}

  newRequestItem(request: RescheduleRequest): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: storedItem(keys.rescheduleRequest(request.orgId, request.programId, request.requestId), 'reschedule_request', request),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Settles a pending request; refused if it was settled meanwhile. */
  settleItem(request: RescheduleRequest, status: Exclude<RequestStatus, 'pending'>, decidedAt: string, decisionReason: string | null): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.rescheduleRequest(request.orgId, request.programId, request.requestId),
        UpdateExpression: 'SET #status = :status, decidedAt = :at, decisionReason = :reason',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':at': decidedAt, ':reason': decisionReason, ':pending': 'pending' },
      },
    };
  }

  /** A program's requests, newest first. */
  async list(orgId: string, programId: string): Promise<RescheduleRequest[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.programPartition(orgId, programId), ':prefix': keys.RESCHEDULE_PREFIX },
      ScanIndexForward: false,
    });
    return items.map(toRequestRecord);
  }
}

export function toRequestRecord(item: Record<string, unknown>): RescheduleRequest {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  const request = rest as unknown as RescheduleRequest;
  return { ...request, heldBlocks: [...(request.heldBlocks ?? [])].map(Number), reason: request.reason ?? null, decidedAt: request.decidedAt ?? null, decisionReason: request.decisionReason ?? null };
}
