/** An email as Rapport composes it; adapters decide how it leaves. */
export interface EmailMessage {
  to: string[];
  /** Shown as the sender's name, e.g. "Dana Reyes via Rapport". */
  fromName?: string;
  replyTo?: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** Text content (calendar invites are text). */
  content: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/** A failure that retrying cannot fix (a malformed or refused address): the outbox gives up on it. */
export class PermanentMailError extends Error {}
