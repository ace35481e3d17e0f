import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { deleteExisting, queryPage, storedItem, type Page, type Table } from './table';

/** One entry of the client's resource library: a link, a note, or both. */
export interface Resource {
  resourceId: string;
  title: string;
  url: string | null;
  note: string | null;
  sessionNumber: number | null;
  createdAt: string;
}

export class ResourcesRepository {
  constructor(private readonly table: Table) {}

  async add(orgId: string, programId: string, resource: Resource): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.name,
        Item: storedItem(keys.resource(orgId, programId, resource.resourceId), 'resource', resource),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async list(orgId: string, programId: string, page: { limit?: number; cursor?: string }): Promise<Page<Resource>> {
    const pk = keys.programPartition(orgId, programId);
    const result = await queryPage(
      this.table,
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.RESOURCE_PREFIX } },
      page,
      { pk },
    );
    return {
      items: result.items.map((item) => ({
        resourceId: String(item.resourceId),
        title: String(item.title),
        url: (item.url as string | null | undefined) ?? null,
        note: (item.note as string | null | undefined) ?? null,
        sessionNumber: (item.sessionNumber as number | null | undefined) ?? null,
        createdAt: String(item.createdAt),
      })),
      nextCursor: result.nextCursor,
    };
  }

  /** False when there was nothing to delete. */
  async delete(orgId: string, programId: string, resourceId: string): Promise<boolean> {
    return deleteExisting(this.table, keys.resource(orgId, programId, resourceId));
  }
}
