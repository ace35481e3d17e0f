import type { EmailMessage } from '../adapters/mail/mailer';

/** What every Rapport email is made of; the layout turns it into matching text and HTML. */
export interface EmailContent {
  to: string[];
  fromName?: string;
  replyTo?: string[];
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Label/value lines, e.g. the session time. */
  details?: [string, string][];
  action?: { label: string; url: string };
  closing?: string;
  attachments?: EmailMessage['attachments'];
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function renderEmail(content: EmailContent): EmailMessage {
  const closing = content.closing ?? 'Rapport';
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.details?.length ? [...content.details.map(([label, value]) => `${label}: ${value}`), ''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    `— ${closing}`,
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px">',
    `<p>${escape(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escape(p)}</p>`),
    content.details?.length
      ? `<table style="border-collapse:collapse;margin:16px 0">${content.details
          .map(([label, value]) => `<tr><td style="padding:2px 12px 2px 0;color:#52606d">${escape(label)}</td><td style="padding:2px 0"><strong>${escape(value)}</strong></td></tr>`)
          .join('')}</table>`
      : '',
    content.action
      ? `<p style="margin:24px 0"><a href="${escape(content.action.url)}" style="background:#2f6f5e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(content.action.label)}</a></p><p style="font-size:13px;color:#52606d">Or open this link: ${escape(content.action.url)}</p>`
      : '',
    `<p style="color:#52606d">— ${escape(closing)}</p>`,
    '</body></html>',
  ].join('');

  return {
    to: content.to,
    fromName: content.fromName,
    replyTo: content.replyTo,
    subject: content.subject,
    text,
    html,
    attachments: content.attachments,
  };
}
