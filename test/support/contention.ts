import { TransactionRefused, type WriteTransaction } from '../../shared/data/write-transaction';

/**
 * The deps with their real transactions, except that DynamoDB refuses the first `times` commits for
 * contention (`TransactionConflict`: nothing written), as it does when another transaction on the
 * same items is in flight — which DynamoDB Local seldom reproduces.
 */
export function contended<D extends { transaction: () => WriteTransaction }>(deps: D, times = 1): D & { refused: () => number } {
  let refused = 0;
  return {
    ...deps,
    refused: () => refused,
    transaction: () => {
      const tx = deps.transaction();
      const commit = tx.commit.bind(tx);
      tx.commit = async () => {
        if (refused < times) {
          refused++;
          throw new TransactionRefused([], true);
        }
        return commit();
      };
      return tx;
    },
  };
}

