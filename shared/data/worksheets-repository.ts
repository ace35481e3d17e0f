import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Answers } from '../domain/programs/worksheet';
import { keys } from './keys';
import type { Table } from './table';
import type { TransactItem } from './write-transaction';

export interface WorksheetResponse {
  activityId: string;
  answers: Answers;
  submittedAt: string;
  updatedAt: string;
}

/** The client's answers, one item per worksheet; answering again replaces them. */
export class WorksheetsRepository {
  constructor(private readonly table: Table) {}

  async get(orgId: string, programId: string, activityId: string): Promise<WorksheetResponse | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.response(orgId, programId, activityId), ConsistentRead: true }));
    return Item ? toResponse(Item) : null;
  }

  /** Replaces the answers, keeping the first submission time: an item of the transaction that records the outcome too. */
  putItem(orgId: string, programId: string, activityId: string, answers: Answers, now: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.response(orgId, programId, activityId),
        UpdateExpression: 'SET #type = :type, activityId = :activityId, answers = :answers, updatedAt = :now, submittedAt = if_not_exists(submittedAt, :now)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'response', ':activityId': activityId, ':answers': answers, ':now': now },
      },
    };
  }
}

function toResponse(item: Record<string, unknown>): WorksheetResponse {
  return { activityId: String(item.activityId), answers: item.answers as Answers, submittedAt: String(item.submittedAt), updatedAt: String(item.updatedAt) };
}
