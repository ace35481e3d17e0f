import { DateTime } from 'luxon';
import { formatInstant } from '../shared/domain/time/instant';
import { log } from '../shared/runtime/log';
import { awsError, awsJson, type WireRequest, type WireResponse } from './aws-wire';
import type { LocalClock } from './local-clock';

export interface LocalSchedule {
  name: string;
  group: string;
  /** Epoch ms the schedule falls due. */
  at: number;
  expression: string;
  timezone: string;
  targetArn: string;
  input: string;
  actionAfterCompletion: 'DELETE' | 'NONE';
  state: 'ENABLED' | 'DISABLED';
  flexibleWindow: string;
  deadLetterArn: string | null;
}

export interface FiredSchedule {
  name: string;
  at: string;
  error?: string;
}

/**
 * Hands a due schedule to its target: in AWS an asynchronous Lambda invocation; here a handler in
 * this process, with Lambda's retries and failure queue. Never throws; says what failed for good.
 */
export type DeliverSchedule = (schedule: LocalSchedule) => Promise<{ error?: string }>;

/** A move to an instant the clock has already passed. */
export class ClockMoveRefused extends RangeError {
  constructor(readonly now: number) {
    super('The local clock only moves forward.');
  }
}

const AT_EXPRESSION = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/;

/**
 * A local EventBridge Scheduler: it speaks the Scheduler API (so the app's adapter is the same code)
 * and fires one-time `at()` schedules when the local clock reaches them, in time order. It answers
 * ConflictException and ResourceNotFoundException as the real service does, and honours
 * ActionAfterCompletion DELETE.
 */
export class LocalScheduler {
  private readonly schedules = new Map<string, LocalSchedule>();
  private queue: Promise<unknown> = Promise.resolve();
  failing = false;

  constructor(
    private readonly clock: LocalClock,
    private readonly deliver: DeliverSchedule,
    private readonly hooks: {
      /** Recurring work (the outbox sweeper): in AWS it runs every minute; here after every move of the clock. */
      recurring?: () => Promise<void>;
      /** Lets the work a target caused (outbox entries on the stream) finish before the clock moves on. */
      settle?: () => Promise<void>;
      /**
       * Runs a move of the clock while no stream relay is working: a relay holds its outbox entry for
       * a minute of the clock, and a jump of days under it would let the sweeper take it over.
       */
      exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
    } = {},
  ) {}

  handle(request: WireRequest): WireResponse {
    if (this.failing) return awsError(503, 'InternalServerException', 'Local Scheduler is failing on purpose.');
    const match = /^\/schedules(?:\/([^/]+))?$/.exec(request.path);
    if (!match) return awsError(404, 'ResourceNotFoundException', `The local Scheduler does not serve ${request.path}`);
    const name = match[1] ? decodeURIComponent(match[1]) : undefined;
    if (!name) {
      if (request.method === 'GET') return this.listWire(request.query);
      return awsError(400, 'ValidationException', 'A schedule name is required.');
    }
    switch (request.method) {
      case 'POST':
        return this.upsert(name, request.body, 'create');
      case 'PUT':
        return this.upsert(name, request.body, 'update');
      case 'DELETE': {
        const key = this.key(request.query.get('groupName') ?? 'default', name);
        if (!this.schedules.delete(key)) return awsError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        return awsJson(200, {});
      }
      case 'GET': {
        const schedule = this.schedules.get(this.key(request.query.get('groupName') ?? 'default', name));
        if (!schedule) return awsError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
        return awsJson(200, this.describe(schedule));
      }
      default:
        return awsError(405, 'ValidationException', `Method ${request.method} is not supported.`);
    }
  }

  pending(): LocalSchedule[] {
    return [...this.schedules.values()].sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  }

  /** Moves the clock to `epochMs`, firing every schedule due on the way, in time order. */
  advanceTo(epochMs: number): Promise<FiredSchedule[]> {
    return this.advance({ to: epochMs });
  }

  /**
   * Moves the clock forward — to an instant, or by minutes counted from wherever the clock is when
   * this move's turn comes (moves run one at a time, so two at once add up) — firing every schedule
   * due on the way. Work already committed is carried out first, so a booking made just before a
   * jump has its schedules before the clock passes them. Moving to exactly a schedule's time fires it.
   */
  advance(move: { to: number } | { minutes: number }): Promise<FiredSchedule[]> {
    return this.serialized(async () => {
      await this.hooks.settle?.();
      const now = this.clock.now();
      const target = 'to' in move ? move.to : now + move.minutes * 60_000;
      if (target < now) throw new ClockMoveRefused(now);
      const fired = await this.fireUntil(target);
      // A running clock may have ticked past the target while the work ran: never step back.
      if (target > this.clock.now()) this.clock.moveTo(target);
      await this.runRecurring();
      return fired;
    });
  }

  /** Fires what is due at the clock's current time (the running clock's ticker calls this). */
  fireDue(): Promise<FiredSchedule[]> {
    return this.serialized(async () => {
      const fired = await this.fireUntil(this.clock.now());
      await this.runRecurring();
      return fired;
    });
  }

  private async fireUntil(limit: number): Promise<FiredSchedule[]> {
    const fired: FiredSchedule[] = [];
    for (;;) {
      const next = this.pending().find((s) => s.state === 'ENABLED' && s.at <= limit);
      if (!next) return fired;
      if (next.at > this.clock.now()) this.clock.moveTo(next.at);
      if (next.actionAfterCompletion === 'DELETE') this.schedules.delete(this.key(next.group, next.name));
      else next.state = 'DISABLED';
      const record: FiredSchedule = { name: next.name, at: formatInstant(next.at) };
      const { error } = await this.deliver(next);
      if (error) record.error = error;
      await this.hooks.settle?.();
      fired.push(record);
    }
  }

  private async runRecurring(): Promise<void> {
    try {
      await this.hooks.recurring?.();
      await this.hooks.settle?.();
    } catch (error) {
      log.error('Local recurring work failed', { error: error as Error });
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const step = this.hooks.exclusive ? () => this.hooks.exclusive!(work) : work;
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private upsert(name: string, rawBody: string, mode: 'create' | 'update'): WireResponse {
    let body: {
      GroupName?: string;
      ScheduleExpression?: string;
      ScheduleExpressionTimezone?: string;
      Target?: { Arn?: string; Input?: string; RoleArn?: string; DeadLetterConfig?: { Arn?: string } };
      ActionAfterCompletion?: 'DELETE' | 'NONE';
      State?: 'ENABLED' | 'DISABLED';
      FlexibleTimeWindow?: { Mode?: string };
    };
    try {
      body = JSON.parse(rawBody) as typeof body;
    } catch {
      return awsError(400, 'ValidationException', 'Body is not JSON');
    }
    const group = body.GroupName ?? 'default';
    const key = this.key(group, name);
    const exists = this.schedules.has(key);
    if (mode === 'create' && exists) return awsError(409, 'ConflictException', `Schedule ${name} already exists.`);
    if (mode === 'update' && !exists) return awsError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
    const expression = body.ScheduleExpression ?? '';
    const timezone = body.ScheduleExpressionTimezone ?? 'UTC';
    const at = AT_EXPRESSION.exec(expression);
    if (!at?.[1]) return awsError(400, 'ValidationException', 'The local Scheduler supports one-time at(yyyy-mm-ddThh:mm:ss) schedules only.');
    const when = DateTime.fromISO(at[1], { zone: timezone });
    if (!when.isValid) return awsError(400, 'ValidationException', `Invalid schedule expression or time zone: ${expression} ${timezone}`);
    if (!body.Target?.Arn || !body.Target.RoleArn) return awsError(400, 'ValidationException', 'Target.Arn and Target.RoleArn are required.');
    if (!body.FlexibleTimeWindow?.Mode) return awsError(400, 'ValidationException', 'FlexibleTimeWindow is required.');
    this.schedules.set(key, {
      name,
      group,
      at: when.toMillis(),
      expression,
      timezone,
      targetArn: body.Target.Arn,
      input: body.Target.Input ?? '{}',
      actionAfterCompletion: body.ActionAfterCompletion ?? 'NONE',
      state: body.State ?? 'ENABLED',
      flexibleWindow: body.FlexibleTimeWindow.Mode,
      deadLetterArn: body.Target.DeadLetterConfig?.Arn ?? null,
    });
    return awsJson(200, { ScheduleArn: `arn:aws:scheduler:us-east-1:000000000000:schedule/${group}/${name}` });
  }

  private listWire(query: URLSearchParams): WireResponse {
    const group = query.get('ScheduleGroup');
    const prefix = query.get('NamePrefix') ?? '';
    const items = this.pending().filter((s) => (!group || s.group === group) && s.name.startsWith(prefix));
    return awsJson(200, {
      Schedules: items.map((s) => ({ Name: s.name, GroupName: s.group, State: s.state, Target: { Arn: s.targetArn } })),
    });
  }

  private describe(s: LocalSchedule) {
    return {
      Name: s.name,
      GroupName: s.group,
      ScheduleExpression: s.expression,
      ScheduleExpressionTimezone: s.timezone,
      State: s.state,
      ActionAfterCompletion: s.actionAfterCompletion,
      Target: { Arn: s.targetArn, Input: s.input, RoleArn: 'arn:aws:iam::000000000000:role/local' },
      FlexibleTimeWindow: { Mode: 'OFF' },
    };
  }

  private key(group: string, name: string): string {
    return `${group}/${name}`;
  }
}
