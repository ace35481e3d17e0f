import { forbidden, notFound } from '../../domain/errors';
import type { Program } from '../../domain/programs/program';
import type { FullProgram, ProgramsRepository } from '../../data/programs-repository';
import type { Caller } from '../../http/http-event';

export type ProgramRole = 'coach' | 'client';

/**
 * Who the caller is in a program, from the stored record: its coach, or its client once the
 * program is published. Anyone else — another coach, another program's client, a client before
 * publishing — is told the program does not exist.
 */
export function roleIn(program: Program, caller: Caller): ProgramRole | null {
  if (program.coachUserId === caller.userId) return 'coach';
  if (program.client?.userId === caller.userId && program.status === 'published') return 'client';
  return null;
}

export async function accessProgram(programs: Pick<ProgramsRepository, 'get'>, orgId: string, programId: string, caller: Caller) {
  const program = await programs.get(orgId, programId);
  const role = program ? roleIn(program, caller) : null;
  if (!program || !role) throw notFound();
  return { program, role };
}

export async function accessFullProgram(programs: Pick<ProgramsRepository, 'getFull'>, orgId: string, programId: string, caller: Caller) {
  const full = await programs.getFull(orgId, programId);
  const role = full ? roleIn(full.program, caller) : null;
  if (!full || !role) throw notFound();
  return { ...full, role } as FullProgram & { role: ProgramRole };
}

export function requireCoachRole(role: ProgramRole): void {
  if (role !== 'coach') throw forbidden('Only the coach can do this.');
}

export function requireClientRole(role: ProgramRole): void {
  if (role !== 'client') throw forbidden('Only the client can do this.');
}
