import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { invalidField, tooLargeToStore } from '../domain/errors';

/** The table a repository works on: the document client and the table's name, passed in. */
export interface Table {
  db: DynamoDBDocumentClient;
  name: string;
}

export function createDocumentClient(client: DynamoDBClient = new DynamoDBClient({})): DynamoDBDocumentClient {
  const db = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  db.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw isItemTooLarge(error) ? tooLargeToStore() : error;
      }
    },
    { step: 'initialize', name: 'itemTooLarge' },
  );
  return db;
}

/**
 * DynamoDB holds at most 400 KB in one item. What people write (worksheet answers, messages,
 * notes) is limited per field at the edge, but fields add up — a template of 20 questions with
 * long non-Latin answers, stored beside their prompts, can pass 400 KB — and DynamoDB then refuses
 * the write with a ValidationException. That is the sender's too-large input, not a fault of ours:
 * every write, in a transaction or not, answers it as a 413 here rather than a 500 at the edge.
 */
const isItemTooLarge = (error: unknown) =>
  (error as { name?: string })?.name === 'ValidationException' && /item size (to update )?has exceeded the maximum allowed size/i.test((error as Error).message ?? '');

/** The reason code of each item of a cancelled transaction, in request order ('None' when it passed). */
export function cancellationReasons(error: unknown): string[] | null {
  if (error instanceof TransactionCanceledException || (error as { name?: string })?.name === 'TransactionCanceledException') {
    return ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  }
  return null;
}

export const isConditionFailure = (error: unknown) => (error as { name?: string })?.name === 'ConditionalCheckFailedException';

/**
 * Cursors are opaque to clients: the last key of a page, base64url JSON. A cursor is only accepted
 * for the partition it came from, so it can never be used to read elsewhere.
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined, expected: Record<string, string>): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('query.cursor', 'This cursor is not one the API handed out.');
  }
  const key = decoded as Record<string, unknown>;
  const matches =
    typeof decoded === 'object' && decoded !== null && Object.entries(expected).every(([name, value]) => key[name] === value);
  if (!matches) throw invalidField('query.cursor', 'This cursor is not one the API handed out.');
  return key;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page of a Query for a list route. It asks for one item more than the page holds, so the
 * cursor is null exactly when nothing follows (DynamoDB alone would hand out a cursor to an empty
 * page whenever a page is exactly full). The cursor only opens pages of the same partition.
 */
export async function queryPage(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  page: { limit?: number; cursor?: string },
  partition: Record<string, string>,
  defaultLimit = 50,
): Promise<Page<Record<string, unknown>>> {
  const limit = page.limit ?? defaultLimit;
  const result = await table.db.send(
    new QueryCommand({ ...input, TableName: table.name, Limit: limit + 1, ExclusiveStartKey: decodeCursor(page.cursor, partition) }),
  );
  const items = result.Items ?? [];
  if (items.length > limit) {
    const kept = items.slice(0, limit);
    const last = kept[kept.length - 1] ?? {};
    const keyNames = ['pk', 'sk', ...(input.IndexName ? ['gsi1pk', 'gsi1sk'] : [])];
    return { items: kept, nextCursor: encodeCursor(Object.fromEntries(keyNames.map((k) => [k, last[k]]))) };
  }
  // A filtered query may stop early with fewer items and still have more to read.
  return { items, nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/** Every item a Query finds, page after page (for sets known to be small: a program's bookings, a user's memberships). */
export async function queryAll(table: Table, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * A record as it is stored: its key, its type, and its fields, except those that are null. A null
 * is left out rather than stored as DynamoDB NULL, because conditions (`attribute_not_exists`) and
 * `if_not_exists` count a stored NULL as present; readers turn a missing field back into null.
 */
export function storedItem(key: { pk: string; sk: string }, type: string, record: object): Record<string, unknown> {
  const fields = Object.entries(record).filter(([, value]) => value !== null && value !== undefined);
  return { ...key, type, ...Object.fromEntries(fields) };
}

/** A stored item's fields without its keys (table and index) and type: the reverse of `storedItem`. */
export function fieldsOf(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...fields } = item;
  return fields;
}

/** An update of some fields: set those with a value, remove those set to null (see `storedItem`). */
export function fieldUpdate(changes: Record<string, unknown>) {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const names = Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name]));
  const set = entries.flatMap(([, value], i) => (value === null ? [] : [`#f${i} = :v${i}`]));
  const remove = entries.flatMap(([, value], i) => (value === null ? [`#f${i}`] : []));
  const values = Object.fromEntries(entries.flatMap(([, value], i) => (value === null ? [] : [[`:v${i}`, value]])));
  return {
    UpdateExpression: [set.length > 0 ? `SET ${set.join(', ')}` : '', remove.length > 0 ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' '),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/** BatchGetItem takes at most this many keys a request. */
const BATCH_GET_LIMIT = 100;

/**
 * Several items by key in BatchGetItem requests of at most 100 keys (strongly consistent), retrying
 * the keys DynamoDB leaves unprocessed under load. Found items come back by `pk|sk`.
 */
export async function batchGet(table: Table, wanted: { pk: string; sk: string }[]): Promise<Map<string, Record<string, unknown>>> {
  if (wanted.length <= BATCH_GET_LIMIT) return batchGetChunk(table, wanted);
  const chunks = Array.from({ length: Math.ceil(wanted.length / BATCH_GET_LIMIT) }, (_, i) => wanted.slice(i * BATCH_GET_LIMIT, (i + 1) * BATCH_GET_LIMIT));
  return new Map((await Promise.all(chunks.map((chunk) => batchGetChunk(table, chunk)))).flatMap((found) => [...found]));
}

async function batchGetChunk(table: Table, wanted: { pk: string; sk: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  let pending = wanted;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    const result = await table.db.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of result.Responses?.[table.name] ?? []) found.set(`${String(item.pk)}|${String(item.sk)}`, item);
    pending = (result.UnprocessedKeys?.[table.name]?.Keys as { pk: string; sk: string }[] | undefined) ?? [];
    if (attempt > 8 && pending.length > 0) throw new Error('DynamoDB kept keys unprocessed');
  }
  return found;
}

/** Deletes an item; false when there was none (the route then answers 404). */
export async function deleteExisting(table: Table, key: { pk: string; sk: string }): Promise<boolean> {
  try {
    await table.db.send(new DeleteCommand({ TableName: table.name, Key: key, ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
