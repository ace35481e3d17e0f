import type { EmailMessage } from '../adapters/mail/mailer';
import type { Person } from '../domain/people/person';
import { fromNameFor, greetingFor } from './addressing';
import { appLinks } from './app-links';
import { renderEmail, type Branding } from './layout';

/** The invitation a coach sends; its link ends in `token=<token>`. */
export function inviteEmail(p: { to: string; name?: string | null; practice: Branding; coach: Person; programName: string; token: string; expiresOn: string; appUrl: string }): EmailMessage {
  return renderEmail(
    {
      to: [p.to],
      fromName: fromNameFor('client', p.practice),
      replyTo: [p.coach.email],
      subject: p.coach.name !== p.coach.email ? `${p.coach.name} of ${p.practice.name} has opened a private coaching space for you` : `${p.practice.name} has opened a private coaching space for you`,
      preheader: `Accept by ${p.expiresOn} to book your first session.`,
      greeting: p.name ? `Hello ${p.name},` : 'Hello,',
      paragraphs: [
        `${p.coach.name} of ${p.practice.name} has set up "${p.programName}", a private space for the coaching you will do together. Only the two of you can see what is in it.`,
        'Accept the invitation to join. You will book your sessions there, prepare for each one, and keep track of what you commit to between them.',
        `The invitation is valid until ${p.expiresOn}.`,
      ],
      action: { label: 'Accept the invitation', url: appLinks.join(p.appUrl, p.token) },
    },
    p.practice,
  );
}

export function clientJoinedEmail(p: { coach: Person; client: Person; practice: Branding; programName: string; published: boolean; orgId: string; programId: string; appUrl: string }): EmailMessage {
  return renderEmail(
    {
      to: [p.coach.email],
      fromName: fromNameFor('coach', p.practice),
      replyTo: [p.client.email],
      subject: `${p.client.name} joined "${p.programName}"`,
      preheader: p.published ? 'They can see the program already.' : 'Publish the program so they can see it.',
      lang: p.coach.locale,
      greeting: greetingFor(p.coach),
      paragraphs: [
        `${p.client.name} accepted your invitation and is now the client of "${p.programName}".`,
        p.published ? 'The space is published, so they can see it already.' : 'The space is still a draft: they will see it as soon as you publish it.',
      ],
      action: { label: 'Open the program', url: appLinks.program(p.appUrl, p.orgId, p.programId) },
    },
    p.practice,
  );
}

/** A nudge that a message is waiting; the message itself stays in the app. */
export function newMessageEmail(p: { to: Person; from: Person; toSide: 'coach' | 'client'; practice: Branding; programName: string; orgId: string; programId: string; appUrl: string }): EmailMessage {
  return renderEmail(
    {
      to: [p.to.email],
      fromName: fromNameFor(p.toSide, p.practice),
      subject: `New message from ${p.from.name}`,
      preheader: 'For your privacy, messages are only shown in the app.',
      lang: p.to.locale,
      greeting: greetingFor(p.to),
      paragraphs: [`${p.from.name} sent you a message in "${p.programName}". For your privacy, messages are only shown in the app.`],
      action: { label: 'Read the message', url: appLinks.messages(p.appUrl, p.orgId, p.programId) },
    },
    p.practice,
  );
}
