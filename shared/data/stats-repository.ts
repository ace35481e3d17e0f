import type { StatsDelta } from '../domain/analytics/stats-delta';
import { keys } from './keys';
import { queryAll, type Table } from './table';
import type { TransactItem } from './write-transaction';

/** One month of an org's running sums: attribute → amount (see stats-delta.ts for the names). */
export interface MonthStats {
  month: string;
  sums: Record<string, number>;
}

/**
 * The org's analytics sums in the org's own partition, one item per month and program, so that
 * concurrent bookings of different programs never contend for one item; reads add them up by month.
 */
export class StatsRepository {
  constructor(private readonly table: Table) {}

  /** One ADD per month touched, as items of the transaction that makes the change being counted. */
  deltaItems(orgId: string, programId: string, delta: StatsDelta): TransactItem[] {
    return [...delta.entries()].map(([month, attributes]) => {
      const entries = [...attributes.entries()];
      return {
        Update: {
          TableName: this.table.name,
          Key: keys.orgMonthStats(orgId, month, programId),
          UpdateExpression: `SET #type = :type, #month = :month ADD ${entries.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: { '#type': 'type', '#month': 'month', ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])) },
          ExpressionAttributeValues: { ':type': 'org_stats', ':month': month, ...Object.fromEntries(entries.map(([, amount], i) => [`:v${i}`, amount])) },
        },
      };
    });
  }

  /** The months from `fromMonth` to `toMonth` (YYYY-MM, inclusive) that have any sums, every program's added up: one Query. */
  async months(orgId: string, fromMonth: string, toMonth: string): Promise<MonthStats[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.orgStatsPartition(orgId), ':from': keys.orgMonthStatsBound(fromMonth), ':to': `${keys.orgMonthStatsBound(toMonth)}~` },
      ConsistentRead: true,
    });
    const months = new Map<string, Record<string, number>>();
    for (const { pk: _pk, sk: _sk, type: _type, month, ...sums } of items) {
      const total = months.get(String(month)) ?? {};
      for (const [name, value] of Object.entries(sums)) total[name] = (total[name] ?? 0) + Number(value);
      months.set(String(month), total);
    }
    return [...months.entries()].map(([month, sums]) => ({ month, sums }));
  }
}
