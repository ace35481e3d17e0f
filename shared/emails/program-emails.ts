import type { EmailMessage } from '../adapters/mail/mailer';
import { appLinks } from './app-links';
import { renderEmail } from './layout';

/** The invitation a coach sends; its link ends in `token=<token>`. */
export function inviteEmail(p: { to: string; name?: string | null; orgName: string; coachEmail: string; programName: string; token: string; expiresOn: string; appUrl: string }): EmailMessage {
  return renderEmail({
    to: [p.to],
    fromName: `${p.orgName} via Rapport`,
    replyTo: [p.coachEmail],
    subject: `${p.orgName} has opened a private coaching space for you`,
    greeting: p.name ? `Hello ${p.name},` : 'Hello,',
    paragraphs: [
      `${p.orgName} has set up "${p.programName}", a private space for the coaching you will do together. Only the two of you can see what is in it.`,
      'Accept the invitation to join. You will book your sessions there, prepare for each one, and keep track of what you commit to between them.',
      `The invitation is valid until ${p.expiresOn}.`,
    ],
    action: { label: 'Accept the invitation', url: appLinks.join(p.appUrl, p.token) },
  });
}

export function clientJoinedEmail(p: { to: string; clientEmail: string; programName: string; published: boolean; orgId: string; programId: string; appUrl: string }): EmailMessage {
  return renderEmail({
    to: [p.to],
    fromName: 'Rapport',
    subject: `${p.clientEmail} joined "${p.programName}"`,
    greeting: 'Good news,',
    paragraphs: [
      `${p.clientEmail} accepted your invitation and is now the client of "${p.programName}".`,
      p.published
        ? 'The space is published, so they can see it already.'
        : 'The space is still a draft: they will see it as soon as you publish it.',
    ],
    action: { label: 'Open the program', url: appLinks.program(p.appUrl, p.orgId, p.programId) },
  });
}

/** A nudge that a message is waiting; the message itself stays in the app. */
export function newMessageEmail(p: { to: string; fromLabel: string; programName: string; orgId: string; programId: string; appUrl: string }): EmailMessage {
  return renderEmail({
    to: [p.to],
    fromName: 'Rapport',
    subject: `New message from ${p.fromLabel}`,
    greeting: 'Hello,',
    paragraphs: [`${p.fromLabel} sent you a message in "${p.programName}". For your privacy, messages are only shown in the app.`],
    action: { label: 'Read the message', url: appLinks.messages(p.appUrl, p.orgId, p.programId) },
  });
}
