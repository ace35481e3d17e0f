import { describe, expect, it } from 'vitest';
import { planFor } from '../../../bin/redrive';

describe('what the redrive command does with each kind of failure message', () => {
  it("replays Lambda's on-failure record on the function that failed, with the original event", () => {
    const body = JSON.stringify({
      version: '1.0',
      requestContext: { functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:Rapport-Reminder:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { kind: 'reminder', bookingId: 'b1' },
      responsePayload: { errorMessage: 'boom' },
    });
    expect(planFor({ Body: body })).toEqual({ action: 'invoke', functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:Rapport-Reminder:$LATEST', payload: '{"kind":"reminder","bookingId":"b1"}' });
  });

  it("replays a Scheduler dead letter's input on its TARGET_ARN", () => {
    const plan = planFor({ Body: '{"kind":"no_show"}', MessageAttributes: { TARGET_ARN: { DataType: 'String', StringValue: 'arn:aws:lambda:eu-west-1:1:function:NoShow' } } });
    expect(plan).toEqual({ action: 'invoke', functionArn: 'arn:aws:lambda:eu-west-1:1:function:NoShow', payload: '{"kind":"no_show"}' });
  });

  it('removes a stream batch record (the sweeper relays its entries) and keeps what it does not know', () => {
    expect(planFor({ Body: JSON.stringify({ DDBStreamBatchInfo: { startSequenceNumber: '1', endSequenceNumber: '3', batchSize: 3 } }) }).action).toBe('acknowledge');
    expect(planFor({ Body: 'hello' }).action).toBe('keep');
    expect(planFor({ Body: '{"requestContext":{}}' }).action).toBe('keep');
  });
});
