import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, type Table } from './table';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction was refused: which tagged items failed their condition, and why. */
export class TransactionRefused extends Error {
  constructor(
    /** Tags of the items whose condition failed. */
    readonly failed: string[],
    /** True when the refusal was contention, not a condition: trying again may succeed. */
    readonly conflict: boolean,
  ) {
    super(`Transaction refused: ${failed.join(', ') || 'conflict'}`);
  }
}

/**
 * Writes that belong together, sent as ONE TransactWriteItems. Items carry tags so a refusal can be
 * told apart precisely ("the slot lock failed" vs "the weekly counter failed").
 */
export class WriteTransaction {
  private readonly items: TransactItem[] = [];
  private readonly tags: string[] = [];

  constructor(private readonly table: Table) {}

  add(item: TransactItem, tag = 'item'): this {
    this.items.push(item);
    this.tags.push(tag);
    return this;
  }

  get size(): number {
    return this.items.length;
  }

  async commit(): Promise<void> {
    if (this.items.length === 0) return;
    if (this.items.length > 100) throw new Error(`A transaction holds at most 100 items; this one has ${this.items.length}`);
    try {
      await this.table.db.send(new TransactWriteCommand({ TransactItems: this.items }));
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const failed = reasons.flatMap((reason, i) => (reason === 'ConditionalCheckFailed' ? [this.tags[i] ?? 'item'] : []));
      const conflict = reasons.some((r) => r === 'TransactionConflict');
      throw new TransactionRefused([...new Set(failed)], conflict && failed.length === 0);
    }
  }
}
