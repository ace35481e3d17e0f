import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { log } from '../../shared/runtime/log';
import { relayDeps } from '../../shared/runtime/mail-deps';
import { relayNewEntry } from '../../shared/use-cases/outbox/relay';

/**
 * Fed by the table's stream with each new outbox entry (the event source filters for them):
 * performs its emails and schedules right after the transaction that wrote it. A failed effect is
 * recorded on the entry for the sweeper; only an unexpected error sends the record back.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const deps = relayDeps();
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || image?.type?.S !== 'outbox' || !image.pk?.S || !image.entryId?.S) continue;
    try {
      await relayNewEntry(deps, { pk: image.pk.S, entryId: image.entryId.S });
    } catch (error) {
      log.error('Relaying an outbox entry failed unexpectedly', { entryId: image.entryId.S, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
};
