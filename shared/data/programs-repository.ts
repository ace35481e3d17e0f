import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Homepage, Program, ProgramStructure } from '../domain/programs/program';
import { keys } from './keys';
import { batchGet, fieldUpdate, isConditionFailure, queryPage, storedItem, type Page, type Table } from './table';
import { TransactionRefused, WriteTransaction, type TransactItem } from './write-transaction';

export interface FullProgram {
  program: Program;
  structure: ProgramStructure;
  /** Rises on every structure change; structure writes are conditional on it. */
  structureVersion: number;
  homepage: Homepage;
}

export class ProgramsRepository {
  constructor(private readonly table: Table) {}

  /** The items of a new program, for the transaction that creates it. */
  newProgramItems(program: Program, structure: ProgramStructure, homepage: Homepage): TransactItem[] {
    const { orgId, programId } = program;
    const notThere = 'attribute_not_exists(pk)';
    return [
      {
        Put: {
          TableName: this.table.name,
          Item: { ...storedItem(keys.program(orgId, programId), 'program', program), ...keys.programsOfOrg(orgId, program.createdAt, programId) },
          ConditionExpression: notThere,
        },
      },
      { Put: { TableName: this.table.name, Item: storedItem(keys.programStructure(orgId, programId), 'structure', { ...structure, version: 1 }), ConditionExpression: notThere } },
      { Put: { TableName: this.table.name, Item: storedItem(keys.programHomepage(orgId, programId), 'homepage', homepage), ConditionExpression: notThere } },
    ];
  }

  /** The program's record alone: what access checks need. */
  async get(orgId: string, programId: string): Promise<Program | null> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.program(orgId, programId), ConsistentRead: true }));
    return Item ? toProgramRecord(Item) : null;
  }

  /** Record, structure and homepage in one query. */
  async getFull(orgId: string, programId: string): Promise<FullProgram | null> {
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.programPartition(orgId, programId), ':prefix': keys.PROGRAM_PREFIX },
        ConsistentRead: true,
      }),
    );
    const bySk = new Map((Items ?? []).map((item) => [String(item.sk), item]));
    const record = bySk.get(keys.program(orgId, programId).sk);
    const structure = bySk.get(keys.programStructure(orgId, programId).sk);
    const homepage = bySk.get(keys.programHomepage(orgId, programId).sk);
    if (!record || !structure || !homepage) return null;
    return {
      program: toProgramRecord(record),
      structure: { sections: structure.sections as ProgramStructure['sections'], templates: structure.templates as ProgramStructure['templates'] },
      structureVersion: Number(structure.version),
      homepage: { sections: homepage.sections as Homepage['sections'] },
    };
  }

  /** The programs of an org, oldest first (the coach's list). */
  async listByOrg(orgId: string, page: { limit?: number; cursor?: string }): Promise<Page<Program>> {
    const { gsi1pk } = keys.programsOfOrg(orgId);
    const result = await queryPage(this.table, { IndexName: 'byCollection', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': gsi1pk } }, page, { gsi1pk });
    return { items: result.items.map(toProgramRecord), nextCursor: result.nextCursor };
  }

  /** Several programs' records by id, in any order (a client's list, the coaching log). */
  async getMany(orgId: string, programIds: string[]): Promise<Program[]> {
    const found = await batchGet(this.table, programIds.map((id) => keys.program(orgId, id)));
    return [...found.values()].map(toProgramRecord);
  }

  /**
   * Stores an edited structure if it is still the version that was read, together with the
   * record's session total when that changed. False when another edit got there first.
   */
  async saveStructure(program: Program, structure: ProgramStructure, expectedVersion: number, now: string, totalSessions?: number, conditions: TransactItem[] = []): Promise<boolean> {
    const { orgId, programId } = program;
    const tx = new WriteTransaction(this.table).add({
      Update: {
        TableName: this.table.name,
        Key: keys.programStructure(orgId, programId),
        UpdateExpression: 'SET sections = :sections, templates = :templates, version = :next',
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':sections': structure.sections, ':templates': structure.templates, ':next': expectedVersion + 1, ':expected': expectedVersion },
      },
    }, 'structure');
    tx.add({
      Update: {
        TableName: this.table.name,
        Key: keys.program(orgId, programId),
        UpdateExpression: totalSessions === undefined ? 'SET updatedAt = :now' : 'SET updatedAt = :now, totalSessions = :total',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: totalSessions === undefined ? { ':now': now } : { ':now': now, ':total': totalSessions },
      },
    }, 'program');
    for (const condition of conditions) tx.add(condition, 'condition');
    try {
      await tx.commit();
      return true;
    } catch (error) {
      if (error instanceof TransactionRefused) return false;
      throw error;
    }
  }

  /** Changes the given fields, as one item of a transaction (a null price is removed: the sessions are free). */
  updateItem(orgId: string, programId: string, changes: Partial<Pick<Program, 'name' | 'pricePerSession'>>, now: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.program(orgId, programId),
        ...fieldUpdate({ ...changes, updatedAt: now }),
        ConditionExpression: 'attribute_exists(pk)',
      },
    };
  }

  /** Publishes a draft; null when it was published already (the first publication time stays). */
  async publish(orgId: string, programId: string, now: string): Promise<Program | null> {
    try {
      const { Attributes } = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.program(orgId, programId),
          UpdateExpression: 'SET #status = :published, publishedAt = :now, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND #status <> :published',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published', ':now': now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toProgramRecord(Attributes) : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  async putHomepage(orgId: string, programId: string, homepage: Homepage): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.programHomepage(orgId, programId),
        UpdateExpression: 'SET sections = :sections',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':sections': homepage.sections },
      }),
    );
  }

  /** Binds the client, for the invite-acceptance transaction; refused if someone already is. */
  bindClientItem(orgId: string, programId: string, client: NonNullable<Program['client']>, now: string): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.program(orgId, programId),
        UpdateExpression: 'SET client = :client, updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(client)',
        ExpressionAttributeValues: { ':client': client, ':now': now },
      },
    };
  }

  /** A condition for transactions: the program has no client yet. */
  hasNoClientItem(orgId: string, programId: string): TransactItem {
    return { ConditionCheck: { TableName: this.table.name, Key: keys.program(orgId, programId), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(client)' } };
  }
}

/** A program from its stored item (also used by reads that batch it with other items). */
export function toProgramRecord(item: Record<string, unknown>): Program {
  return {
    programId: String(item.programId),
    orgId: String(item.orgId),
    type: 'one_to_one_coaching',
    name: String(item.name),
    status: item.status === 'published' ? 'published' : 'draft',
    totalSessions: Number(item.totalSessions),
    scheduleId: String(item.scheduleId),
    quickCheckIns: item.quickCheckIns === true,
    pricePerSession: (item.pricePerSession as Program['pricePerSession']) ?? null,
    coachUserId: String(item.coachUserId),
    client: (item.client as Program['client']) ?? null,
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    publishedAt: (item.publishedAt as string | undefined) ?? null,
  };
}
