import { sortableId } from '../../domain/ids';
import { formatInstant } from '../../domain/time/instant';
import { keys } from '../../data/keys';
import type { Message, MessagesRepository } from '../../data/messages-repository';
import type { OrgsRepository } from '../../data/orgs-repository';
import type { ProgramsRepository } from '../../data/programs-repository';
import { retryOnConflict } from '../../data/retry-on-conflict';
import type { WriteTransaction } from '../../data/write-transaction';
import { newMessageEmail } from '../../emails/program-emails';
import { brandingOf } from '../../emails/layout';
import { clientOf, coachOf } from '../../domain/people/person';
import type { Caller } from '../../http/http-event';
import type { Clock } from '../../runtime/clock';
import { stageEffects, type StagingDeps } from '../outbox/relay';
import { accessProgram } from './access';
import { countAgainstQuota, throwIfQuotaReached, type QuotaDeps } from '../user-quotas';

export interface MessageDeps extends QuotaDeps {
  programs: Pick<ProgramsRepository, 'get'>;
  orgs: Pick<OrgsRepository, 'get'>;
  messages: Pick<MessagesRepository, 'list' | 'newMessageItem'>;
  outbox: StagingDeps['outbox'];
  clock: Clock;
  transaction: () => WriteTransaction;
  appUrl: string;
}

export async function listMessages(deps: Pick<MessageDeps, 'programs' | 'messages'>, caller: Caller, orgId: string, programId: string, page: { limit?: number; cursor?: string }) {
  await accessProgram(deps.programs, orgId, programId, caller);
  return deps.messages.list(orgId, programId, page);
}

/**
 * Posts to the private thread. The other side gets a short email saying a message is waiting
 * (a client only once the program is published, since before that they cannot open it).
 */
export async function postMessage(deps: MessageDeps, caller: Caller, orgId: string, programId: string, body: string): Promise<Message> {
  const { program, role } = await accessProgram(deps.programs, orgId, programId, caller);
  const nowMs = deps.clock.now();
  const message: Message = { messageId: sortableId(nowMs), authorId: caller.userId, body, sentAt: formatInstant(nowMs) };
  const tx = deps.transaction().add(deps.messages.newMessageItem(orgId, programId, message), 'message');
  countAgainstQuota(deps, tx, 'messages', caller.userId, nowMs);

  // The other side hears of it: the coach always, the client once they can open the program.
  const clientToTell = role === 'coach' && program.status === 'published' ? program.client : null;
  const org = role === 'client' || clientToTell ? await deps.orgs.get(orgId) : null;
  if (org && program.client && (role === 'client' || clientToTell)) {
    const schedule = org.schedules[program.scheduleId];
    const coach = coachOf(org);
    const client = clientOf(program.client, program.client.timeZone ?? schedule?.timeZone ?? org.timeZone);
    const [to, from, toSide] = role === 'client' ? ([coach, client, 'coach'] as const) : ([client, coach, 'client'] as const);
    stageEffects(deps, tx, keys.programPartition(orgId, programId), [
      { type: 'email', message: newMessageEmail({ to, from, toSide, practice: brandingOf(org), programName: program.name, orgId, programId, appUrl: deps.appUrl }) },
    ]);
  }
  try {
    await retryOnConflict(() => tx.commit());
  } catch (error) {
    throwIfQuotaReached(error, nowMs);
    throw error;
  }
  return message;
}
