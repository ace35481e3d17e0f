import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../shared/data/table-definition';

/**
 * Write units as DynamoDB would bill them, measured from what the code really writes: a proxy in
 * front of DynamoDB Local that every handler, relay and scheduled run of the local stack talks to.
 * For each write it reads the item before and after (straight from DynamoDB Local, strongly
 * consistent; writes pass one at a time so the two reads belong to that write) and applies
 * DynamoDB's rules:
 * - an item write costs one unit per started KB of the larger of the item before and after;
 * - every item of a TransactWriteItems costs twice that, ConditionCheck items included;
 * - each index the item is in (before or after) costs a write of the projected size (the whole
 *   item for ALL, the table and index keys for KEYS_ONLY): a put, a delete, or both when the
 *   index key changed; nothing when nothing projected changed. Index writes are not doubled.
 * - a write refused by its condition still costs the item's size (at least one unit).
 */

type Item = Record<string, AttributeValue>;
type Key = Record<string, AttributeValue>;

export interface WriteRecord {
  op: string;
  /** What the item is (`booking`, `outbox`, …), from its sort key. */
  kind: string;
  table: number;
  indexes: Record<string, number>;
}

const KB = 1024;
const units = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** A number's stored size: one byte per two significant digits, plus one. */
function numberSize(n: string): number {
  const digits = n.replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function valueSize(value: AttributeValue): number {
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.S === 'string') return utf8(v.S);
  if (typeof v.N === 'string') return numberSize(v.N);
  if (typeof v.B === 'string') return Buffer.from(v.B, 'base64').length;
  if ('BOOL' in v || 'NULL' in v) return 1;
  if (Array.isArray(v.SS)) return (v.SS as string[]).reduce((n, s) => n + utf8(s), 0);
  if (Array.isArray(v.NS)) return (v.NS as string[]).reduce((n, s) => n + numberSize(s), 0);
  if (Array.isArray(v.BS)) return (v.BS as string[]).reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
  if (Array.isArray(v.L)) return 3 + (v.L as AttributeValue[]).reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M && typeof v.M === 'object') return 3 + Object.entries(v.M as Item).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
  return 0;
}

export const itemSize = (item: Item): number => Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueSize(value), 0);

const sameValue = (a: AttributeValue | undefined, b: AttributeValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** What one index holds of an item, or null when the item is not in the index. */
function projected(item: Item | null, index: (typeof tableDefinition.indexes)[number]): Item | null {
  if (!item || !item[index.partitionKey] || !item[index.sortKey]) return null;
  if (index.projection === 'ALL') return item;
  const keys = [tableDefinition.partitionKey, tableDefinition.sortKey, index.partitionKey, index.sortKey];
  return Object.fromEntries(keys.map((k) => [k, item[k]!]));
}

/** The units one item write costs each index. */
function indexUnits(before: Item | null, after: Item | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const index of tableDefinition.indexes) {
    const a = projected(before, index);
    const b = projected(after, index);
    let cost = 0;
    if (a && b) {
      const keyMoved = !sameValue(a[index.partitionKey], b[index.partitionKey]) || !sameValue(a[index.sortKey], b[index.sortKey]);
      if (keyMoved) cost = units(itemSize(a)) + units(itemSize(b));
      else if (JSON.stringify(Object.entries(a).sort()) !== JSON.stringify(Object.entries(b).sort())) cost = units(Math.max(itemSize(a), itemSize(b)));
    } else if (a) cost = units(itemSize(a));
    else if (b) cost = units(itemSize(b));
    if (cost) out[index.name] = cost;
  }
  return out;
}

/** Names what an item is from its keys, for the breakdown (OUTBOX#…, BOOKING#…, LOCK#…). */
export function kindOf(key: Key): string {
  const sk = key.sk?.S ?? '';
  const pk = key.pk?.S ?? '';
  if (pk.startsWith('RATE#')) return 'rate limit';
  if (pk.endsWith('#STATS')) return 'analytics sums';
  const head = sk.split('#')[0] ?? sk;
  return head.toLowerCase() || 'other';
}

interface Pending {
  tableName: string;
  key: Key;
  op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  item?: Item;
}

/** The items a write request touches, with their keys. */
function writesOf(target: string, body: any): { pending: Pending[]; transaction: boolean } | null {
  const keyOf = (tableName: string, item: Item): Key => ({ pk: item.pk!, sk: item.sk! });
  switch (target) {
    case 'PutItem':
      return { pending: [{ tableName: body.TableName, key: keyOf(body.TableName, body.Item), op: 'Put', item: body.Item }], transaction: false };
    case 'UpdateItem':
      return { pending: [{ tableName: body.TableName, key: body.Key, op: 'Update' }], transaction: false };
    case 'DeleteItem':
      return { pending: [{ tableName: body.TableName, key: body.Key, op: 'Delete' }], transaction: false };
    case 'BatchWriteItem':
      return {
        pending: Object.entries(body.RequestItems as Record<string, any[]>).flatMap(([tableName, requests]) =>
          requests.map((r): Pending => (r.PutRequest ? { tableName, key: keyOf(tableName, r.PutRequest.Item), op: 'Put', item: r.PutRequest.Item } : { tableName, key: r.DeleteRequest.Key, op: 'Delete' })),
        ),
        transaction: false,
      };
    case 'TransactWriteItems':
      return {
        pending: (body.TransactItems as any[]).map((t): Pending => {
          if (t.Put) return { tableName: t.Put.TableName, key: keyOf(t.Put.TableName, t.Put.Item), op: 'Put', item: t.Put.Item };
          if (t.Update) return { tableName: t.Update.TableName, key: t.Update.Key, op: 'Update' };
          if (t.Delete) return { tableName: t.Delete.TableName, key: t.Delete.Key, op: 'Delete' };
          return { tableName: t.ConditionCheck.TableName, key: t.ConditionCheck.Key, op: 'ConditionCheck' };
        }),
        transaction: true,
      };
    default:
      return null;
  }
}

/** A proxy to DynamoDB Local that meters writes; point the stack's `dynamoEndpoint` at `url`. */
export class WriteMeter {
  readonly records: WriteRecord[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly upstream: URL,
    private readonly reader: DynamoDBClient,
  ) {}

  static async start(upstreamEndpoint: string): Promise<WriteMeter> {
    const reader = new DynamoDBClient({ endpoint: upstreamEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    let meter: WriteMeter | undefined;
    const server = createServer((req, res) => {
      void meter!.handle(req).then(
        ({ status, headers, body }) => res.writeHead(status, headers).end(body),
        (error: unknown) => res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ __type: 'MeterError', message: String(error) })),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    meter = new WriteMeter(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, new URL(upstreamEndpoint), reader);
    return meter;
  }

  reset(): void {
    this.records.length = 0;
  }

  async stop(): Promise<void> {
    this.reader.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const writes = writesOf(target, raw.length ? JSON.parse(raw.toString('utf8')) : {});
    if (!writes) return this.forward(req, raw);
    // One write at a time: the reads before and after belong to this write alone.
    const run = this.queue.then(async () => {
      const before = await Promise.all(writes.pending.map((w) => this.read(w)));
      const response = await this.forward(req, raw);
      const ok = response.status === 200;
      const after = ok ? await Promise.all(writes.pending.map((w) => (w.op === 'Delete' ? null : w.op === 'ConditionCheck' ? before[writes.pending.indexOf(w)]! : this.read(w)))) : before;
      writes.pending.forEach((w, i) => {
        const old = before[i] ?? null;
        const now = after[i] ?? null;
        const size = Math.max(old ? itemSize(old) : 0, now ? itemSize(now) : 0);
        this.records.push({
          op: `${writes.transaction ? 'Transact' : ''}${w.op}${ok ? '' : ' (refused)'}`,
          kind: kindOf(w.key),
          table: units(size) * (writes.transaction ? 2 : 1),
          indexes: ok && w.op !== 'ConditionCheck' ? indexUnits(old, now) : {},
        });
      });
      return response;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(w: Pending): Promise<Item | null> {
    const { Item } = await this.reader.send(new GetItemCommand({ TableName: w.tableName, Key: w.key, ConsistentRead: true }));
    return Item ?? null;
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: this.upstream.host };
      const upstream = httpRequest({ host: this.upstream.hostname, port: this.upstream.port, method: req.method, path: req.url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && k !== 'transfer-encoding' && k !== 'connection') out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 500, headers: out, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

/** Units per item kind and in total, table and indexes apart. */
export function summarize(records: WriteRecord[]) {
  const byKind = new Map<string, { writes: number; table: number; indexes: number }>();
  let table = 0;
  let indexes = 0;
  for (const r of records) {
    const idx = Object.values(r.indexes).reduce((a, b) => a + b, 0);
    const row = byKind.get(r.kind) ?? { writes: 0, table: 0, indexes: 0 };
    row.writes++;
    row.table += r.table;
    row.indexes += idx;
    byKind.set(r.kind, row);
    table += r.table;
    indexes += idx;
  }
  return { total: table + indexes, table, indexes, byKind: [...byKind].sort((a, b) => b[1].table + b[1].indexes - (a[1].table + a[1].indexes)) };
}
