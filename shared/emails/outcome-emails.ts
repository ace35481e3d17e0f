import type { EmailMessage } from '../adapters/mail/mailer';
import { appLinks } from './app-links';
import { renderEmail, type Branding } from './layout';

interface ProgramContext {
  practice: Branding;
  orgId: string;
  programId: string;
  orgName: string;
  programName: string;
  appUrl: string;
}

/** The coach asks the client how the coaching has been for them. */
export function reviewRequestEmail(p: ProgramContext & { to: string; coachEmail: string; expiresOn: string }): EmailMessage {
  return renderEmail({
    to: [p.to],
    fromName: `${p.orgName} via Rapport`,
    replyTo: [p.coachEmail],
    subject: `${p.orgName} would value your review`,
    preheader: 'A rating from 1 to 5 and a few words, if you like.',
    greeting: 'Hello,',
    paragraphs: [
      `Your coach at ${p.orgName} would like to hear how "${p.programName}" has been for you so far.`,
      'A rating from 1 to 5 and, if you like, a few sentences in your own words are all it takes. You can change your review later.',
      `The request stays open until ${p.expiresOn}.`,
    ],
    action: { label: 'Write your review', url: appLinks.review(p.appUrl, p.orgId, p.programId) },
  }, p.practice);
}

/** The client finished the 90-day reflection: the coach gets the before-and-after at a glance, and the way to the report. */
export function ninetyDayReflectionEmail(p: ProgramContext & { to: string; clientLabel: string; intake: number | null; final: number | null }): EmailMessage {
  const change = p.intake !== null && p.final !== null ? p.final - p.intake : null;
  const details: [string, string][] = [
    ['Satisfaction at intake', p.intake === null ? 'not rated' : `${p.intake} / 10`],
    ['Satisfaction now', p.final === null ? 'not rated' : `${p.final} / 10`],
  ];
  if (change !== null) details.push(['Change', change > 0 ? `+${change}` : String(change)]);
  return renderEmail({
    to: [p.to],
    fromName: 'Rapport',
    subject: `${p.clientLabel} completed the 90-day reflection in "${p.programName}"`,
    preheader: p.intake !== null && p.final !== null ? `Satisfaction ${p.intake} → ${p.final} out of 10.` : 'Open the program report for the final session.',
    greeting: 'Hello,',
    paragraphs: [
      `${p.clientLabel} has looked back on your work together and completed the 90-day reflection.`,
      'The program report sets it beside the intake, with every session, progress rating and commitment; the progress chart shows the whole arc in one picture. Both are worth opening together in your final session.',
      `Progress chart: ${appLinks.progressChart(p.appUrl, p.orgId, p.programId)}`,
    ],
    details,
    action: { label: 'Open the program report', url: appLinks.report(p.appUrl, p.orgId, p.programId) },
  }, p.practice);
}
