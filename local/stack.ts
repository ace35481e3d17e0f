import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiFunctions, type ApiFunctionName } from '../shared/http/routes';
import { scheduledFunctions, type ScheduledFunctionName, type ScheduledFunctionSpec } from '../shared/runtime/scheduled-functions';
import { systemClock, useClock } from '../shared/runtime/clock';
import { localDynamoClient, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { ensureTable } from './ensure-table';
import { createGateway, type LambdaHandler } from './gateway';
import { LocalClock } from './local-clock';
import { LocalEventBus } from './local-event-bus';
import { LocalLambda, localFunctionArn } from './local-lambda';
import { LocalQueues } from './local-queues';
import { LocalScheduler, type LocalSchedule } from './local-scheduler';
import { LocalSes } from './local-ses';
import { LocalStreamPoller, type StreamRecord } from './stream-poller';
import { createTokenIssuer, type TokenIssuer } from './token-issuer';

export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

export interface LocalStackOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Use this DynamoDB Local instead of starting one (tests share one per run). */
  dynamoEndpoint?: string;
  /** Where a started DynamoDB Local keeps its data; in memory when absent. */
  dbPath?: string;
  tableName: string;
  clock?: { startAt?: number; frozen?: boolean };
  /** Keeps the token signing key between runs. */
  keyFile?: string;
  log?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  tableName: string;
  dynamoEndpoint: string;
  clock: LocalClock;
  ses: LocalSes;
  /** The EventBridge bus stand-in: every domain event the relays put. */
  events: LocalEventBus;
  scheduler: LocalScheduler;
  /** The failure queues (in memory, spoken to as SQS). */
  queues: LocalQueues;
  /** The scheduled functions as Lambda runs them; `failing` makes one fail on purpose. */
  lambda: LocalLambda;
  issuer: TokenIssuer;
  /** Waits until the work already committed (outbox entries on the stream) has been carried out. */
  settle(): Promise<void>;
  /** Delivers a payload to a scheduled function again, as Scheduler may (at least once, possibly late). */
  deliver(targetArn: string, input: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use — is another \`npm start\` running? Stop it, or choose another port: PORT=3001 npm start`);
  }
}

/**
 * The whole system on one machine: DynamoDB Local, the local stand-ins of Cognito, SES and
 * EventBridge Scheduler, and a gateway that serves every route with the real handlers.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  let handle: ReturnType<typeof createGateway> | null = null;
  const server = createServer((req, res) => {
    if (handle) return void handle(req, res);
    res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'starting', message: 'The local stack is still starting.' } }));
  });
  const port = await listen(server, options.port, host);
  const url = `http://${host}:${port}`;

  let dynamo: DynamoDbLocal | null = null;
  let ticker: NodeJS.Timeout | undefined;
  let poller: LocalStreamPoller | undefined;
  try {
    if (!options.dynamoEndpoint) dynamo = await startDynamoDbLocal({ dbPath: options.dbPath });
    const dynamoEndpoint = options.dynamoEndpoint ?? dynamo?.endpoint ?? '';
    const admin = localDynamoClient(dynamoEndpoint);
    await ensureTable(admin, options.tableName);
    admin.destroy();

    const queues = new LocalQueues(url);
    configureEnvironment({ url, dynamoEndpoint, tableName: options.tableName, scheduleDeadLetterArn: queues.arn('scheduleDelivery') });
    const clock = new LocalClock(options.clock);
    useClock(clock);
    const issuer = await createTokenIssuer(options.keyFile);
    const ses = new LocalSes(clock);
    const events = new LocalEventBus(clock);
    const lambda = new LocalLambda(runScheduledFunction, queues, clock);
    // The table's stream drives the outbox relay, as the event source mapping does in AWS.
    poller = new LocalStreamPoller(dynamoEndpoint, options.tableName, (records) => relayFromStream(lambda, queues, clock, records));
    const settle = () => (poller ? poller.drain() : Promise.resolve());
    const scheduler = new LocalScheduler(clock, (schedule) => deliverSchedule(lambda, queues, schedule), {
      recurring: async () => {
        for (const name of everyMinute) await lambda.invokeAsync(name, {});
      },
      settle,
      exclusive: (work) => (poller ? poller.exclusive(work) : work()),
    });
    handle = createGateway({ issuer, clock, ses, events, scheduler, queues, lambda, settle, loadFunction: loadApiFunction, onRequest: options.log });
    poller.start();

    if (!clock.frozen) {
      ticker = setInterval(() => void scheduler.fireDue().catch((error: unknown) => options.log?.(`scheduler: ${String(error)}`)), 1000);
      ticker.unref();
    }

    return {
      url,
      tableName: options.tableName,
      dynamoEndpoint,
      clock,
      ses,
      events,
      scheduler,
      queues,
      lambda,
      issuer,
      settle: () => poller?.drain() ?? Promise.resolve(),
      async deliver(targetArn, input) {
        const name = lambda.functionOf(targetArn);
        if (!name) throw new Error(`No local function serves ${targetArn}`);
        const result = await lambda.invoke(name, input);
        await poller?.drain();
        return result;
      },
      async stop() {
        clearInterval(ticker);
        await poller?.stop();
        useClock(systemClock);
        await close(server);
        await dynamo?.stop();
      },
    };
  } catch (error) {
    clearInterval(ticker);
    await poller?.stop();
    await close(server);
    await dynamo?.stop();
    throw error;
  }
}

/** The names CDK gives the Lambdas' environment, pointed at the local stand-ins. */
function configureEnvironment(target: { url: string; dynamoEndpoint: string; tableName: string; scheduleDeadLetterArn: string }) {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: target.dynamoEndpoint,
    AWS_ENDPOINT_URL_SESV2: `${target.url}/_aws/ses`,
    AWS_ENDPOINT_URL_SCHEDULER: `${target.url}/_aws/scheduler`,
    AWS_ENDPOINT_URL_EVENTBRIDGE: `${target.url}/_aws/events`,
    EVENT_BUS_NAME: 'rapport-local-events',
    // Only the redrive command calls these two; they are here so it runs unchanged against the local stack.
    AWS_ENDPOINT_URL_SQS: `${target.url}/_aws/sqs`,
    AWS_ENDPOINT_URL_LAMBDA: `${target.url}/_aws/lambda`,
    TABLE_NAME: target.tableName,
    SENDER_EMAIL: 'rapport@localhost.test',
    APP_URL: target.url,
    PUBLIC_API_URL: target.url,
    // The join-link key (deployed: a Secrets Manager secret): stable per table, so links in emails
    // of a kept `.data/` still work after a restart.
    JOIN_LINK_KEY: createHash('sha256').update(`rapport-local-join-links:${target.tableName}`).digest('base64url'),
    CALENDAR_FETCH_POLICY: 'allow-loopback',
    // Test-only: lets webhooks reach a receiver on 127.0.0.1. CDK sets public-https, and a test holds it there.
    WEBHOOK_DELIVERY_POLICY: 'allow-loopback',
    SDK_REQUEST_TIMEOUT_MS: '20000',
    SCHEDULE_GROUP: 'rapport-sessions',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/rapport-local-scheduler',
    SCHEDULER_DLQ_ARN: target.scheduleDeadLetterArn,
    ...Object.fromEntries(
      (Object.entries(scheduledFunctions) as [ScheduledFunctionName, ScheduledFunctionSpec][]).flatMap(([name, spec]) =>
        spec.arnVariable ? [[spec.arnVariable, localFunctionArn(name)]] : [],
      ),
    ),
  });
}

/** The functions AWS runs every minute (the outbox sweeper, the calendar refresh); here, after every move of the clock. */
const everyMinute = (Object.entries(scheduledFunctions) as [ScheduledFunctionName, ScheduledFunctionSpec][]).flatMap(([name, spec]) =>
  spec.trigger === 'every-minute' ? [name] : [],
);

const loaded = new Map<ApiFunctionName, Promise<LambdaHandler>>();

function loadApiFunction(fn: ApiFunctionName): Promise<LambdaHandler> {
  let module = loaded.get(fn);
  if (!module) {
    const entry = pathToFileURL(resolve(PROJECT_ROOT, apiFunctions[fn].entry)).href;
    module = import(entry).then((m: { handler: LambdaHandler }) => m.handler);
    loaded.set(fn, module);
  }
  return module;
}

async function runScheduledFunction(name: ScheduledFunctionName, input: unknown): Promise<unknown> {
  const entry = pathToFileURL(resolve(PROJECT_ROOT, scheduledFunctions[name].entry)).href;
  const module = (await import(entry)) as { handler: (event: unknown) => Promise<unknown> };
  return module.handler(input);
}

/**
 * Scheduler hands a due schedule to Lambda as an asynchronous invocation. A target it cannot reach
 * is a delivery failure: the input goes to the schedule's dead-letter queue with Scheduler's
 * attributes. A run that fails is Lambda's business: retries, then the scheduled-run queue.
 */
async function deliverSchedule(lambda: LocalLambda, queues: LocalQueues, schedule: LocalSchedule): Promise<{ error?: string }> {
  const name = lambda.functionOf(schedule.targetArn);
  if (!name) {
    const error = `Function not found: ${schedule.targetArn}`;
    if (schedule.deadLetterArn === queues.arn('scheduleDelivery')) {
      queues.send('scheduleDelivery', schedule.input, {
        ERROR_CODE: 'ResourceNotFoundException',
        ERROR_MESSAGE: error,
        EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
        SCHEDULE_ARN: `arn:aws:scheduler:us-east-1:000000000000:schedule/${schedule.group}/${schedule.name}`,
        TARGET_ARN: schedule.targetArn,
      });
    }
    return { error };
  }
  return lambda.invokeAsync(name, JSON.parse(schedule.input) as unknown);
}

/** Lambda's event source mapping retries a failing batch three times (bisecting it in AWS), then records it. */
const STREAM_RETRY_ATTEMPTS = 3;

/**
 * The stream relay as the event source mapping runs it: records the function reports as failed are
 * retried from the first of them on; after the retries the batch's description (not its records)
 * goes to the relay-stream failure queue. The entries themselves stay in the table for the sweeper.
 */
async function relayFromStream(lambda: LocalLambda, queues: LocalQueues, clock: LocalClock, records: StreamRecord[]): Promise<void> {
  // The event source's filter: only new outbox entries reach the relay.
  let pending = records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.type?.S === 'outbox');
  if (pending.length === 0) return;
  let error = 'unknown';
  for (let attempt = 0; attempt <= STREAM_RETRY_ATTEMPTS; attempt++) {
    try {
      const result = (await lambda.invoke('outboxRelay', streamEvent(pending))) as { batchItemFailures?: { itemIdentifier: string }[] } | undefined;
      const failed = new Set(result?.batchItemFailures?.map((f) => f.itemIdentifier) ?? []);
      if (failed.size === 0) return;
      pending = pending.slice(Math.max(0, pending.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''))));
      error = 'batch item failures';
    } catch (thrown) {
      error = (thrown as Error).message;
    }
  }
  const first = pending[0]?.dynamodb;
  const last = pending.at(-1)?.dynamodb;
  queues.send('relayStream', {
    version: '1.0',
    timestamp: new Date(clock.now()).toISOString(),
    requestContext: { requestId: randomUUID(), functionArn: localFunctionArn('outboxRelay'), condition: 'RetryAttemptsExhausted', approximateInvokeCount: STREAM_RETRY_ATTEMPTS + 1 },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    DDBStreamBatchInfo: {
      shardId: 'local',
      startSequenceNumber: first?.SequenceNumber,
      endSequenceNumber: last?.SequenceNumber,
      approximateArrivalOfFirstRecord: first?.ApproximateCreationDateTime,
      approximateArrivalOfLastRecord: last?.ApproximateCreationDateTime,
      batchSize: pending.length,
      streamArn: 'local',
    },
    errorMessage: error,
  });
}

/** Stream records as Lambda receives them from a DynamoDB event source mapping. */
function streamEvent(records: StreamRecord[]) {
  return {
    Records: records.map((record) => ({
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: record.dynamodb,
    })),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error));
    server.listen(port, host, () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((done) => {
    if (!server.listening) return done();
    server.closeAllConnections();
    server.close(() => done());
  });
}
