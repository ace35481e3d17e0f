import { randomUUID } from 'node:crypto';
import { formatInstant } from '../shared/domain/time/instant';
import type { Clock } from '../shared/runtime/clock';
import { log } from '../shared/runtime/log';
import { scheduledFunctions, type ScheduledFunctionName } from '../shared/runtime/scheduled-functions';
import { awsError, awsJson, type WireRequest, type WireResponse } from './aws-wire';
import type { LocalQueues } from './local-queues';

const ARN_PREFIX = 'arn:aws:lambda:us-east-1:000000000000:function:rapport-local-';

/** What CDK would put in the Lambdas' environment as the ARN of a scheduled function. */
export const localFunctionArn = (name: ScheduledFunctionName) => `${ARN_PREFIX}${name}`;

export type RunFunction = (name: ScheduledFunctionName, event: unknown) => Promise<unknown>;

export interface AsyncOutcome {
  attempts: number;
  /** Set when every attempt failed and the event went to the failure queue. */
  error?: string;
}

/** Lambda's asynchronous invocation: the first run and two retries. */
export const ASYNC_ATTEMPTS = 3;

/**
 * Lambda as Scheduler and the every-minute rule meet it: an asynchronous invocation is run, a failed
 * run retried twice, and then its event written to the scheduled-run failure queue in the record
 * shape Lambda's on-failure destination uses. AWS waits about a minute and then two before the
 * retries; here they follow at once, so a test sees the whole story in one move of the clock.
 * It also serves Lambda's Invoke call (`/_aws/lambda`), which the redrive command uses.
 */
export class LocalLambda {
  /** Scheduled functions told to fail (`POST /_local/faults {"functions": [...]}`), to show where failures go. */
  readonly failing = new Set<ScheduledFunctionName>();

  constructor(
    private readonly run: RunFunction,
    private readonly queues: LocalQueues,
    private readonly clock: Clock,
  ) {}

  /** The function an ARN or name refers to, or null. Lambda accepts both, with or without `:$LATEST`. */
  functionOf(arnOrName: string): ScheduledFunctionName | null {
    const bare = arnOrName.replace(/:\$LATEST$/, '');
    const name = bare.startsWith(ARN_PREFIX) ? bare.slice(ARN_PREFIX.length) : bare.replace(/^rapport-local-/, '');
    return name in scheduledFunctions ? (name as ScheduledFunctionName) : null;
  }

  /** A synchronous (RequestResponse) invocation: the function's result, or its error thrown. */
  async invoke(name: ScheduledFunctionName, event: unknown): Promise<unknown> {
    if (this.failing.has(name)) throw new Error(`Local fault: ${name} is failing on purpose.`);
    return this.run(name, event);
  }

  /** An asynchronous (Event) invocation. Never throws: what fails for good lands in the failure queue. */
  async invokeAsync(name: ScheduledFunctionName, event: unknown): Promise<AsyncOutcome> {
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
      try {
        await this.invoke(name, event);
        return { attempts: attempt };
      } catch (error) {
        lastError = error as Error;
        log.warn('Local scheduled function failed', { function: name, attempt, error: lastError });
      }
    }
    this.queues.send('scheduledRun', {
      version: '1.0',
      timestamp: formatInstant(this.clock.now()),
      requestContext: { requestId: randomUUID(), functionArn: `${localFunctionArn(name)}:$LATEST`, condition: 'RetriesExhausted', approximateInvokeCount: ASYNC_ATTEMPTS },
      requestPayload: event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: lastError?.name ?? 'Error', errorMessage: lastError?.message ?? 'unknown' },
    });
    return { attempts: ASYNC_ATTEMPTS, error: lastError?.message ?? 'unknown' };
  }

  /** `POST /2015-03-31/functions/{name}/invocations`, as the Lambda API takes it. */
  async handle(request: WireRequest): Promise<WireResponse> {
    const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(request.path);
    if (request.method !== 'POST' || !match?.[1]) return awsError(404, 'ResourceNotFoundException', `The local Lambda does not serve ${request.method} ${request.path}`);
    const name = this.functionOf(decodeURIComponent(match[1]));
    if (!name) return awsError(404, 'ResourceNotFoundException', `Function not found: ${decodeURIComponent(match[1])}`);
    let event: unknown;
    try {
      event = request.body ? (JSON.parse(request.body) as unknown) : {};
    } catch {
      return awsError(400, 'InvalidRequestContentException', 'Could not parse request body into json.');
    }
    if ((request.headers?.['x-amz-invocation-type'] ?? 'RequestResponse') === 'Event') {
      // Lambda answers 202 once it has queued the event; waiting for the run keeps local tests exact.
      await this.invokeAsync(name, event);
      return { status: 202, body: '' };
    }
    try {
      return awsJson(200, (await this.invoke(name, event)) ?? null);
    } catch (error) {
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' },
        body: JSON.stringify({ errorType: (error as Error).name, errorMessage: (error as Error).message }),
      };
    }
  }
}
