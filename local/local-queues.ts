import { createHash, randomUUID } from 'node:crypto';
import { failureKinds, type FailureKind } from '../shared/runtime/failure-kinds';
import type { WireRequest, WireResponse } from './aws-wire';

export interface QueuedMessage {
  messageId: string;
  body: string;
  attributes: Record<string, string>;
  /** Epoch ms (real time) until which a received message stays hidden. */
  invisibleUntil: number;
  receiptHandle: string | null;
}

const ACCOUNT = '000000000000';
export const localQueueName = (kind: FailureKind) => `rapport-local-${kind}`;

/**
 * The failure queues as a local SQS: the same three queues the stack creates, kept in memory, and
 * the SQS JSON protocol (send, receive, delete, attributes), so `npm run redrive` runs unchanged
 * against `npm start`. Visibility timeouts run on real time, as they do for the redrive command.
 */
export class LocalQueues {
  private readonly queues = new Map<string, QueuedMessage[]>(Object.keys(failureKinds).map((kind) => [localQueueName(kind as FailureKind), []]));

  constructor(private readonly baseUrl: string) {}

  url(kind: FailureKind): string {
    return `${this.baseUrl}/_aws/sqs/${ACCOUNT}/${localQueueName(kind)}`;
  }

  arn(kind: FailureKind): string {
    return `arn:aws:sqs:us-east-1:${ACCOUNT}:${localQueueName(kind)}`;
  }

  send(kind: FailureKind, body: unknown, attributes: Record<string, string> = {}): void {
    this.queue(localQueueName(kind))?.push({ messageId: randomUUID(), body: typeof body === 'string' ? body : JSON.stringify(body), attributes, invisibleUntil: 0, receiptHandle: null });
  }

  /** Every message of a kind, visible or not, oldest first. */
  messages(kind: FailureKind): QueuedMessage[] {
    return [...(this.queue(localQueueName(kind)) ?? [])];
  }

  handle(request: WireRequest, target: string): WireResponse {
    if (request.method !== 'POST') return sqsError(400, 'InvalidAction', 'The local SQS takes POST requests of the JSON protocol.');
    let body: Record<string, any>;
    try {
      body = JSON.parse(request.body || '{}') as Record<string, any>;
    } catch {
      return sqsError(400, 'InvalidParameterValue', 'The body is not JSON.');
    }
    const queueName = String(body.QueueUrl ?? '').split('/').at(-1) ?? '';
    const queue = this.queue(queueName);
    if (!queue) return sqsError(400, 'AWS.SimpleQueueService.NonExistentQueue', `No local queue is at ${String(body.QueueUrl)}`);
    const action = target.replace(/^AmazonSQS\./, '');
    const now = Date.now();
    switch (action) {
      case 'SendMessage': {
        const attributes = Object.fromEntries(Object.entries((body.MessageAttributes ?? {}) as Record<string, { StringValue?: string }>).map(([k, v]) => [k, v.StringValue ?? '']));
        const message = { messageId: randomUUID(), body: String(body.MessageBody ?? ''), attributes, invisibleUntil: 0, receiptHandle: null };
        queue.push(message);
        return ok({ MessageId: message.messageId, MD5OfMessageBody: createHash('md5').update(message.body).digest('hex') });
      }
      case 'ReceiveMessage': {
        const max = Math.min(10, Number(body.MaxNumberOfMessages ?? 1));
        const hideMs = Number(body.VisibilityTimeout ?? 30) * 1000;
        const taken = queue.filter((m) => m.invisibleUntil <= now).slice(0, max);
        for (const m of taken) {
          m.invisibleUntil = now + hideMs;
          m.receiptHandle = randomUUID();
        }
        return ok({
          Messages: taken.map((m) => ({
            MessageId: m.messageId,
            ReceiptHandle: m.receiptHandle,
            Body: m.body,
            MD5OfBody: createHash('md5').update(m.body).digest('hex'),
            MessageAttributes: Object.fromEntries(Object.entries(m.attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }])),
          })),
        });
      }
      case 'DeleteMessage': {
        const index = queue.findIndex((m) => m.receiptHandle !== null && m.receiptHandle === body.ReceiptHandle);
        if (index < 0) return sqsError(400, 'ReceiptHandleIsInvalid', 'The receipt handle is not valid.');
        queue.splice(index, 1);
        return ok({});
      }
      case 'GetQueueAttributes':
        return ok({ Attributes: { ApproximateNumberOfMessages: String(queue.filter((m) => m.invisibleUntil <= now).length) } });
      default:
        return sqsError(400, 'InvalidAction', `The local SQS does not serve ${action}.`);
    }
  }

  private queue(name: string): QueuedMessage[] | undefined {
    return this.queues.get(name);
  }
}

const ok = (body: unknown): WireResponse => ({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(body) });

/** SQS's JSON protocol names the error in `__type`. */
const sqsError = (status: number, type: string, message: string): WireResponse => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${type};Sender` },
  body: JSON.stringify({ __type: `com.amazonaws.sqs#${type}`, message }),
});
