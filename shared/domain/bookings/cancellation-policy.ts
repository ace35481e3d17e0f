/** A client who cancels this close to the start forfeits the session; a coach never costs a client one. */
export const LATE_CANCEL_MINUTES = 24 * 60;

export function creditReturnedOnCancel(by: 'coach' | 'client', start: number, now: number): boolean {
  return by === 'coach' || start - now >= LATE_CANCEL_MINUTES;
}
