import type { Program } from './program';

/** What a client can book in a program. Derived from the program, never stored apart from it. */
export interface SessionPackage {
  packageId: 'coaching' | 'quick_check_in';
  name: string;
  durationMinutes: number;
  /** Bookings per week (Mon–Sun in the schedule's zone); absent = no weekly cap. */
  perWeek?: number;
  total: number;
}

export const QUICK_CHECK_INS_TOTAL = 3;

export function packagesOf(program: Pick<Program, 'totalSessions' | 'quickCheckIns'>): SessionPackage[] {
  const packages: SessionPackage[] = [
    { packageId: 'coaching', name: 'Coaching Session', durationMinutes: 60, perWeek: 1, total: program.totalSessions },
  ];
  if (program.quickCheckIns) {
    packages.push({ packageId: 'quick_check_in', name: 'Quick Check-in', durationMinutes: 15, total: QUICK_CHECK_INS_TOTAL });
  }
  return packages;
}

export const findPackage = (program: Pick<Program, 'totalSessions' | 'quickCheckIns'>, packageId: string) =>
  packagesOf(program).find((p) => p.packageId === packageId);
