import { randomUUID } from 'node:crypto';
import type { WireRequest, WireResponse } from './aws-wire';
import type { LocalClock } from './local-clock';

export interface RecordedEvent {
  eventId: string;
  eventBusName: string;
  source: string;
  detailType: string;
  detail: unknown;
  time: string;
  receivedAt: string;
}

interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Time?: number | string;
}

/**
 * The local EventBridge: speaks PutEvents (AWS JSON 1.1, `X-Amz-Target: AWSEvents.PutEvents`) so the
 * app's adapter is the same code as in AWS, and keeps every event it is given for
 * `GET /_local/events`. Like EventBridge it refuses an entry (not the request) whose detail is not
 * a JSON object, and `failing` makes it answer as when the service is unavailable.
 */
export class LocalEventBus {
  readonly events: RecordedEvent[] = [];
  failing = false;

  constructor(private readonly clock: LocalClock) {}

  handle(request: WireRequest, target: string): WireResponse {
    if (target !== 'AWSEvents.PutEvents') return jsonError(400, 'UnknownOperationException', `The local EventBridge only takes PutEvents, not ${target || 'nothing'}.`);
    if (this.failing) return jsonError(500, 'InternalException', 'The local EventBridge is failing on purpose (POST /_local/faults).');
    let entries: PutEventsEntry[];
    try {
      entries = (JSON.parse(request.body) as { Entries?: PutEventsEntry[] }).Entries ?? [];
    } catch {
      return jsonError(400, 'SerializationException', 'The request body is not JSON.');
    }
    if (entries.length < 1 || entries.length > 10) return jsonError(400, 'ValidationException', 'PutEvents takes 1 to 10 entries.');
    const results = entries.map((entry) => {
      const detail = parseObject(entry.Detail);
      if (!entry.Source || !entry.DetailType || detail === undefined) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      const eventId = randomUUID();
      const at = new Date(this.clock.now()).toISOString();
      this.events.push({
        eventId,
        eventBusName: entry.EventBusName ?? 'default',
        source: entry.Source,
        detailType: entry.DetailType,
        detail,
        time: entry.Time === undefined ? at : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time).toISOString(),
        receivedAt: at,
      });
      return { EventId: eventId };
    });
    const failed = results.filter((r) => 'ErrorCode' in r).length;
    return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ FailedEntryCount: failed, Entries: results }) };
  }
}

function parseObject(text: string | undefined): unknown {
  try {
    const value = JSON.parse(text ?? '') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const jsonError = (status: number, type: string, message: string): WireResponse => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  body: JSON.stringify({ __type: type, message }),
});
