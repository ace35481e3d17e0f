import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../local/stack';
import { localDynamoClient } from '../../local/dynamodb-local';
import { keys } from '../../shared/data/keys';
import { subjectKey } from '../../shared/data/rate-limits-repository';
import { createDocumentClient } from '../../shared/data/table';
import { windowAt, type RateLimit } from '../../shared/domain/rate-limits/rate-limit';
import { USER_DAILY_QUOTAS, type UserQuota } from '../../shared/domain/rate-limits/user-quotas';

/**
 * Sets how many uses of a limit a subject has already made in the current window, in the stack's own
 * table, so a test reaches the limit without making hundreds of requests first.
 */
export async function useLimit(stack: LocalStack, limit: RateLimit, subject: string, uses: number): Promise<void> {
  const client = localDynamoClient(stack.dynamoEndpoint);
  try {
    await createDocumentClient(client).send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: keys.rateWindow(limit.name, subjectKey(subject), windowAt(limit, stack.clock.now()).start),
        UpdateExpression: 'SET uses = :uses',
        ExpressionAttributeValues: { ':uses': uses },
      }),
    );
  } finally {
    client.destroy();
  }
}

/** How much of a user's daily quota is already used today. */
export const useQuota = (stack: LocalStack, userId: string, quota: UserQuota, uses: number) => useLimit(stack, USER_DAILY_QUOTAS[quota], userId, uses);

/** Seconds from the stack's clock until a window of this length starts afresh (midnight UTC for a day). */
export const secondsToNextWindow = (stack: LocalStack, windowSeconds: number) => windowSeconds - (Math.floor(stack.clock.now() / 1000) % windowSeconds);
export const secondsToUtcMidnight = (stack: LocalStack) => secondsToNextWindow(stack, 86_400);
