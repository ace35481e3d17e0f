import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { pathToFileURL } from 'node:url';

/**
 * `npm run redrive -- <queue URL> [--max N] [--dry-run]`: replays what one of the failure queues
 * holds (the stack's outputs name them). The message itself says how:
 * - Lambda's on-failure record (a scheduled run that failed three times): its event is invoked
 *   again, asynchronously, on the function that failed;
 * - a Scheduler dead letter (the schedule's input, with a TARGET_ARN attribute): the input is
 *   invoked on that target;
 * - a stream batch record (DDBStreamBatchInfo): nothing to replay — the outbox entries are still in
 *   the table and the sweeper relays them — so it is reported and removed.
 * Replaying is safe because every scheduled function re-reads the booking and marks its work done
 * with a conditional write. A message the command does not recognise stays in the queue.
 */
export interface RedriveResult {
  replayed: number;
  acknowledged: number;
  kept: number;
}

type Plan = { action: 'invoke'; functionArn: string; payload: string } | { action: 'acknowledge'; why: string } | { action: 'keep'; why: string };

export function planFor(message: Pick<Message, 'Body' | 'MessageAttributes'>): Plan {
  let body: Record<string, any> | null = null;
  try {
    const parsed = JSON.parse(message.Body ?? '') as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, any>;
  } catch {
    body = null;
  }
  const targetArn = message.MessageAttributes?.TARGET_ARN?.StringValue;
  if (body && typeof body.requestContext?.functionArn === 'string' && 'requestPayload' in body) {
    return { action: 'invoke', functionArn: body.requestContext.functionArn, payload: JSON.stringify(body.requestPayload ?? {}) };
  }
  if (body?.DDBStreamBatchInfo) {
    const info = body.DDBStreamBatchInfo as { startSequenceNumber?: string; endSequenceNumber?: string; batchSize?: number };
    return { action: 'acknowledge', why: `stream batch ${info.startSequenceNumber}…${info.endSequenceNumber} (${info.batchSize} records): the sweeper relays its outbox entries` };
  }
  if (targetArn) return { action: 'invoke', functionArn: targetArn, payload: message.Body ?? '{}' };
  return { action: 'keep', why: 'not a message shape Rapport writes' };
}

export async function redrive(
  deps: { sqs: SQSClient; lambda: LambdaClient },
  queueUrl: string,
  options: { max?: number; dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<RedriveResult> {
  const log = options.log ?? (() => undefined);
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const result: RedriveResult = { replayed: 0, acknowledged: 0, kept: 0 };
  const seen = new Set<string>();
  while (result.replayed + result.acknowledged + result.kept < max) {
    const { Messages } = await deps.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 120, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }),
    );
    const fresh = (Messages ?? []).filter((m) => m.MessageId && !seen.has(m.MessageId));
    if (fresh.length === 0) break;
    for (const message of fresh) {
      seen.add(message.MessageId ?? '');
      const plan = planFor(message);
      if (plan.action === 'keep') {
        result.kept++;
        log(`kept ${message.MessageId}: ${plan.why}`);
        continue;
      }
      if (options.dryRun) {
        log(`would ${plan.action === 'invoke' ? `invoke ${plan.functionArn} with ${plan.payload.slice(0, 200)}` : `remove ${plan.why}`}`);
        if (plan.action === 'invoke') result.replayed++;
        else result.acknowledged++;
        continue;
      }
      if (plan.action === 'invoke') {
        const { StatusCode } = await deps.lambda.send(new InvokeCommand({ FunctionName: plan.functionArn, InvocationType: 'Event', Payload: new TextEncoder().encode(plan.payload) }));
        if (StatusCode !== 202) {
          result.kept++;
          log(`kept ${message.MessageId}: Lambda answered ${StatusCode}`);
          continue;
        }
        result.replayed++;
        log(`replayed ${message.MessageId} on ${plan.functionArn}`);
      } else {
        result.acknowledged++;
        log(`removed ${message.MessageId}: ${plan.why}`);
      }
      await deps.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
  return result;
}

async function main(argv: string[]): Promise<void> {
  const maxAt = argv.indexOf('--max');
  const queueUrl = argv.find((a, i) => !a.startsWith('--') && i !== maxAt + 1);
  if (!queueUrl) {
    console.error('Usage: npm run redrive -- <failure queue URL from the stack outputs> [--max N] [--dry-run]');
    process.exit(2);
  }
  const result = await redrive({ sqs: new SQSClient({}), lambda: new LambdaClient({}) }, queueUrl, {
    max: maxAt >= 0 ? Number(argv[maxAt + 1]) : undefined,
    dryRun: argv.includes('--dry-run'),
    log: (line) => console.log(line),
  });
  console.log(`${result.replayed} replayed, ${result.acknowledged} removed, ${result.kept} kept in the queue.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
