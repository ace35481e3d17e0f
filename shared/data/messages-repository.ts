import { keys } from './keys';
import { queryPage, storedItem, type Page, type Table } from './table';
import type { TransactItem } from './write-transaction';

/** One message of a program's private thread between coach and client. */
export interface Message {
  messageId: string;
  authorId: string;
  body: string;
  sentAt: string;
}

/** Message ids are ULIDs, so the sort key orders the thread oldest first. */
export class MessagesRepository {
  constructor(private readonly table: Table) {}

  newMessageItem(orgId: string, programId: string, message: Message): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: storedItem(keys.message(orgId, programId, message.messageId), 'message', message),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async list(orgId: string, programId: string, page: { limit?: number; cursor?: string }): Promise<Page<Message>> {
    const pk = keys.programPartition(orgId, programId);
    const result = await queryPage(
      this.table,
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.MESSAGE_PREFIX } },
      page,
      { pk },
    );
    return {
      items: result.items.map((item) => ({ messageId: String(item.messageId), authorId: String(item.authorId), body: String(item.body), sentAt: String(item.sentAt) })),
      nextCursor: result.nextCursor,
    };
  }
}
