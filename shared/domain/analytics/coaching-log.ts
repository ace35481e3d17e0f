import type { Booking } from '../bookings/booking';
import type { Program } from '../programs/program';
import { wallClockAt } from '../time/zone-clock';

/**
 * The coaching log: the record of client hours coaches keep for credential applications (the ICF's
 * log asks for date, client, hours, and paid or pro bono). One row per completed session.
 * RFC 4180: CRLF line ends, a header row, fields quoted when they hold a quote, comma or line break,
 * quotes doubled.
 */
export const COACHING_LOG_HEADER = ['Date', 'Start', 'Client', 'Program', 'Session', 'Duration (hours)', 'Paid or free'];

/** Quotes a field when RFC 4180 needs it; a leading =, +, -, @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

export function coachingLogRow(session: Booking, program: Pick<Program, 'name' | 'client'> | undefined, zone: string): string[] {
  const start = wallClockAt(session.start * 60_000, zone);
  const paid = session.price !== null && session.price.amountMinor > 0;
  return [
    `${pad(start.year, 4)}-${pad(start.month)}-${pad(start.day)}`,
    `${pad(start.hour)}:${pad(start.minute)}`,
    program?.client?.email ?? 'Former client',
    program?.name ?? '',
    session.sessionNumber !== null ? `Session ${session.sessionNumber}` : 'Quick check-in',
    ((session.end - session.start) / 60).toFixed(2),
    paid ? 'paid' : 'free',
  ];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function coachingLogCsv(rows: string[][]): string {
  return [COACHING_LOG_HEADER, ...rows].map(csvLine).join('');
}
