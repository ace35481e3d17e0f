/** An email as Rapport composes it; adapters decide how it leaves. */
export interface EmailMessage {
  to: string[];
  /** Shown as the sender's name, e.g. "Maple & Oak Coaching"; the address is the practice's sending address. */
  fromName?: string;
  replyTo?: string[];
  subject: string;
  text: string;
  html: string;
  /** A calendar invitation or cancellation: travels as a `text/calendar; method=…` part calendars act on. */
  calendar?: EmailCalendar;
}

export interface EmailCalendar {
  method: 'REQUEST' | 'CANCEL';
  /** The iCalendar text (ics-writer.ts). */
  content: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/** A failure that retrying cannot fix (a malformed or refused address): the outbox records it as failed. */
export class PermanentMailError extends Error {}
