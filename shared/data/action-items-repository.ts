import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { deleteExisting, fieldUpdate, isConditionFailure, queryPage, storedItem, type Page, type Table } from './table';

export interface ActionItem {
  actionItemId: string;
  moduleId: string;
  text: string;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export class ActionItemsRepository {
  constructor(private readonly table: Table) {}

  async add(orgId: string, programId: string, item: ActionItem): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.name,
        Item: storedItem(keys.actionItem(orgId, programId, item.actionItemId), 'action_item', item),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** Oldest first; only one module's items when `moduleId` is given. */
  async list(orgId: string, programId: string, page: { limit?: number; cursor?: string; moduleId?: string }): Promise<Page<ActionItem>> {
    const pk = keys.programPartition(orgId, programId);
    const result = await queryPage(
      this.table,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(page.moduleId ? { FilterExpression: 'moduleId = :moduleId' } : {}),
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.ACTION_PREFIX, ...(page.moduleId ? { ':moduleId': page.moduleId } : {}) },
      },
      page,
      { pk },
      100,
    );
    return { items: result.items.map(toActionItem), nextCursor: result.nextCursor };
  }

  /** Applies the changes and returns the item; null when there is no such item. */
  async update(orgId: string, programId: string, actionItemId: string, changes: Partial<Pick<ActionItem, 'text' | 'dueDate' | 'done' | 'doneAt'>>, now: string): Promise<ActionItem | null> {
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.actionItem(orgId, programId, actionItemId),
          ...fieldUpdate({ ...changes, updatedAt: now }),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toActionItem(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  /** False when there was nothing to delete. */
  async delete(orgId: string, programId: string, actionItemId: string): Promise<boolean> {
    return deleteExisting(this.table, keys.actionItem(orgId, programId, actionItemId));
  }
}

function toActionItem(item: Record<string, unknown>): ActionItem {
  return {
    actionItemId: String(item.actionItemId),
    moduleId: String(item.moduleId),
    text: String(item.text),
    dueDate: (item.dueDate as string | null | undefined) ?? null,
    done: item.done === true,
    doneAt: (item.doneAt as string | null | undefined) ?? null,
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}
