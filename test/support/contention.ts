import { TransactionRefused, type WriteTransaction } from '../../shared/data/write-transaction';

type WithTransactions = { transaction: () => WriteTransaction };

/** The deps with their real transactions, running `before(n)` ahead of the n-th commit (from 1). */
function beforeEachCommit<D extends WithTransactions>(deps: D, before: (n: number) => Promise<void>): D {
  let commits = 0;
  return {
    ...deps,
    transaction: () => {
      const tx = deps.transaction();
      const commit = tx.commit.bind(tx);
      tx.commit = async () => {
        await before(++commits);
        return commit();
      };
      return tx;
    },
  };
}

/**
 * The deps with their real transactions, except that DynamoDB refuses the first `times` commits for
 * contention (`TransactionConflict`: nothing written), as it does when another transaction on the
 * same items is in flight — which DynamoDB Local seldom reproduces.
 */
export function contended<D extends WithTransactions>(deps: D, times = 1): D & { refused: () => number } {
  let refused = 0;
  const refusing = beforeEachCommit(deps, async () => {
    if (refused < times) {
      refused++;
      throw new TransactionRefused([], true);
    }
  });
  return { ...refusing, refused: () => refused };
}

/**
 * The deps with their real transactions, except that `race` — another write, made with deps of its
 * own — lands between the use case's reads and its first commit.
 */
export function racedBy<D extends WithTransactions>(deps: D, race: () => Promise<unknown>): D & { raced: () => boolean } {
  let raced = false;
  const racing = beforeEachCommit(deps, async (n) => {
    if (n === 1) {
      raced = true;
      await race();
    }
  });
  return { ...racing, raced: () => raced };
}
