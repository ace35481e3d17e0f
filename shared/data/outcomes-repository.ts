import type { Booking } from '../domain/bookings/booking';
import type { WorksheetOutcome } from '../domain/outcomes/outcome-questions';
import type { ActionItemState } from '../domain/outcomes/program-report';
import type { Program, ProgramStructure } from '../domain/programs/program';
import { toBookingRecord } from './bookings-repository';
import { keys } from './keys';
import { toProgramRecord } from './programs-repository';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, type Table } from './table';
import type { TransactItem } from './write-transaction';

/** Each answered worksheet is one attribute of the outcomes item, named after its activity. */
const OUTCOME_ATTRIBUTE = 'ws#';

export interface ReportRecords {
  program: Program;
  structure: ProgramStructure;
  bookings: Booking[];
  actionItems: ActionItemState[];
  outcomes: WorksheetOutcome[];
}

/**
 * The outcomes of a program. Answers can be long (ten thousand characters a question), so the
 * report does not read them: each answer also records, in the program's small outcomes item, that
 * the worksheet was answered and what its rating was, in the same transaction as the answer.
 */
export class OutcomesRepository {
  constructor(private readonly table: Table) {}

  /** Records what an answered worksheet says, for the transaction that stores the answers. */
  recordItem(orgId: string, programId: string, outcome: WorksheetOutcome): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.programOutcomes(orgId, programId),
        UpdateExpression: 'SET #type = :type, #outcome = :outcome',
        ExpressionAttributeNames: { '#type': 'type', '#outcome': `${OUTCOME_ATTRIBUTE}${outcome.activityId}` },
        ExpressionAttributeValues: { ':type': 'outcomes', ':outcome': outcome },
      },
    };
  }

  /** What every answered worksheet of the program says (one small item). */
  async all(orgId: string, programId: string): Promise<WorksheetOutcome[]> {
    const { Item } = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: keys.programOutcomes(orgId, programId), ConsistentRead: true }));
    return outcomesOf(Item ?? {});
  }

  /**
   * Everything the report needs in two Queries of the program's partition, sent together: the
   * program's own items (record, structure, outcomes), and the range holding its action items,
   * bookings and counters. Messages, resources and answers lie outside both ranges. Null when
   * the program does not exist.
   */
  async readReport(orgId: string, programId: string): Promise<ReportRecords | null> {
    const pk = keys.programPartition(orgId, programId);
    const [own, work] = await Promise.all([
      queryAll(this.table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.PROGRAM_PREFIX },
        ConsistentRead: true,
      }),
      queryAll(this.table, {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': keys.REPORT_RANGE.from, ':to': keys.REPORT_RANGE.to },
        ConsistentRead: true,
      }),
    ]);
    const bySk = new Map(own.map((item) => [String(item.sk), item]));
    const record = bySk.get(keys.program(orgId, programId).sk);
    const structure = bySk.get(keys.programStructure(orgId, programId).sk);
    if (!record || !structure) return null;
    const outcomes = bySk.get(keys.programOutcomes(orgId, programId).sk) ?? {};
    return {
      program: toProgramRecord(record),
      structure: { sections: structure.sections as ProgramStructure['sections'], templates: structure.templates as ProgramStructure['templates'] },
      bookings: work.filter((item) => String(item.sk).startsWith(keys.BOOKING_PREFIX)).map(toBookingRecord),
      actionItems: work
        .filter((item) => String(item.sk).startsWith(keys.ACTION_PREFIX))
        .map((item) => ({ moduleId: String(item.moduleId), done: item.done === true })),
      outcomes: outcomesOf(outcomes),
    };
  }
}

const outcomesOf = (item: Record<string, unknown>): WorksheetOutcome[] =>
  Object.entries(item)
    .filter(([name]) => name.startsWith(OUTCOME_ATTRIBUTE))
    .map(([, value]) => value as WorksheetOutcome);
