import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../local/stack';
import { localDynamoClient } from '../../local/dynamodb-local';
import { keys } from '../../shared/data/keys';
import { subjectKey } from '../../shared/data/rate-limits-repository';
import { createDocumentClient } from '../../shared/data/table';
import { windowAt } from '../../shared/domain/rate-limits/rate-limit';
import { USER_DAILY_QUOTAS, type UserQuota } from '../../shared/domain/rate-limits/user-quotas';

/**
 * Sets how much of a user's daily quota is already used today, in the stack's own table, so a test
 * reaches the limit without making hundreds of requests first.
 */
export async function useQuota(stack: LocalStack, userId: string, quota: UserQuota, uses: number): Promise<void> {
  const limit = USER_DAILY_QUOTAS[quota];
  const client = localDynamoClient(stack.dynamoEndpoint);
  try {
    await createDocumentClient(client).send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: keys.rateWindow(limit.name, subjectKey(userId), windowAt(limit, stack.clock.now()).start),
        UpdateExpression: 'SET uses = :uses',
        ExpressionAttributeValues: { ':uses': uses },
      }),
    );
  } finally {
    client.destroy();
  }
}

/** Seconds from the stack's clock to the next midnight UTC, when every daily quota starts afresh. */
export const secondsToUtcMidnight = (stack: LocalStack) => 86_400 - (Math.floor(stack.clock.now() / 1000) % 86_400);
