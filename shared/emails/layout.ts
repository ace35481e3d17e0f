import type { EmailMessage, EmailCalendar } from '../adapters/mail/mailer';

/**
 * THE email layout. Every email is content (words and links) plus the practice's branding; this
 * turns them into a real HTML document and its plain-text twin. Pure, so it can run when an email
 * is composed or when it is sent.
 *
 * HTML for mail clients, not browsers: tables for layout, inline styles (Gmail drops most of
 * <head>), a hidden preheader for the inbox preview, `color-scheme` so dark mode does not invert a
 * brand colour into something unreadable, and long links allowed to wrap at any character so a
 * 375 px phone never scrolls sideways.
 */

/** How a practice signs its emails (`PATCH /orgs/{orgId}`). */
export interface Branding {
  name: string;
  logoUrl: string | null;
  /** #rrggbb, checked at the API edge to carry white text (WCAG AA, 4.5:1). */
  brandColor: string | null;
  signature: string | null;
}

export interface EmailLink {
  label: string;
  url: string;
}

export interface EmailContent {
  to: string[];
  /** Shown as the sender's name; the address is always the practice's sending address. */
  fromName: string;
  replyTo?: string[];
  subject: string;
  /** The line an inbox shows after the subject. */
  preheader: string;
  /** The reader's locale (BCP 47), for `<html lang>`. */
  lang?: string;
  greeting: string;
  paragraphs: string[];
  /** Label/value lines, e.g. the session time. */
  details?: [string, string][];
  action?: EmailLink;
  /** Smaller links under the main one (reschedule, cancel, add to a calendar). */
  links?: EmailLink[];
  /** Small print after the links (a policy in words). */
  notes?: string[];
  calendar?: EmailCalendar;
}

const DEFAULT_BRAND_COLOR = '#2f6f5e';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const multiline = (text: string) => escape(text).replace(/\r\n|\r|\n/g, '<br>');

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
const MUTED = '#52606d';
const INK = '#1f2933';

export function renderEmail(content: EmailContent, branding: Branding): EmailMessage {
  return {
    to: content.to,
    fromName: content.fromName,
    replyTo: content.replyTo,
    subject: content.subject,
    text: renderText(content, branding),
    html: renderHtml(content, branding),
    calendar: content.calendar,
  };
}

function renderText(content: EmailContent, branding: Branding): string {
  const block = (lines: string[]) => (lines.length ? [...lines, ''] : []);
  return [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...block((content.details ?? []).map(([label, value]) => `${label}: ${value}`)),
    ...block(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...block((content.links ?? []).map((l) => `${l.label}: ${l.url}`)),
    ...block(content.notes ?? []),
    branding.signature ?? `— ${branding.name}`,
    '',
  ].join('\n');
}

function renderHtml(content: EmailContent, branding: Branding): string {
  const color = branding.brandColor ?? DEFAULT_BRAND_COLOR;
  const lang = escape(content.lang ?? 'en');
  const row = (inner: string, style = '') => `<tr><td style="padding:0 24px;${style}">${inner}</td></tr>`;
  const paragraph = (text: string, style = '') => `<p style="margin:0 0 16px;${style}">${multiline(text)}</p>`;
  const wrapLink = 'word-break:break-all;overflow-wrap:anywhere';

  const header = branding.logoUrl
    ? `<img src="${escape(branding.logoUrl)}" alt="${escape(branding.name)}" height="40" style="display:block;height:40px;max-width:100%;border:0">`
    : `<span style="font-size:18px;font-weight:600;color:${color}">${escape(branding.name)}</span>`;
  const details = content.details?.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="margin:0 0 16px;border-collapse:collapse">${content.details
        .map(
          ([label, value]) =>
            `<tr><td valign="top" style="padding:4px 12px 4px 0;color:${MUTED};white-space:nowrap">${escape(label)}</td><td style="padding:4px 0;font-weight:600;${wrapLink}">${escape(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const button = content.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 12px"><tr><td style="border-radius:6px;background:${color}"><a href="${escape(content.action.url)}" style="display:inline-block;padding:12px 20px;color:#ffffff;text-decoration:none;font-weight:600;border-radius:6px">${escape(content.action.label)}</a></td></tr></table>` +
      paragraph(`Or open this link:`, `font-size:13px;color:${MUTED};margin-bottom:4px`) +
      `<p style="margin:0 0 16px;font-size:13px;${wrapLink}"><a href="${escape(content.action.url)}" style="color:${color}">${escape(content.action.url)}</a></p>`
    : '';
  const links = content.links?.length
    ? `<p style="margin:0 0 16px;font-size:14px;line-height:1.9">${content.links
        .map((l) => `<a href="${escape(l.url)}" style="color:${color};${wrapLink}">${escape(l.label)}</a>`)
        .join('<br>')}</p>`
    : '';
  const notes = (content.notes ?? []).map((n) => paragraph(n, `font-size:13px;color:${MUTED}`)).join('');
  const signature = paragraph(branding.signature ?? `— ${branding.name}`, `color:${MUTED}`);

  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" xmlns="http://www.w3.org/1999/xhtml">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="supported-color-schemes" content="light">',
    `<title>${escape(content.subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:#f4f5f7;color:${INK};font-family:${FONT};font-size:16px;line-height:1.5;-webkit-text-size-adjust:100%">`,
    // The preheader: shown by inboxes next to the subject, hidden in the email itself.
    `<div style="display:none;max-height:0;overflow:hidden;opacity:0;mso-hide:all">${escape(content.preheader)}</div>`,
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="background:#f4f5f7"><tr><td align="center" style="padding:16px 8px">',
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="max-width:600px;background:#ffffff;border-radius:8px">',
    row(header, 'padding-top:24px;padding-bottom:16px'),
    row(paragraph(content.greeting) + content.paragraphs.map((p) => paragraph(p)).join('') + details + button + links + notes + signature, 'padding-bottom:8px'),
    '</table>',
    `<p style="margin:12px 0 0;font-size:12px;color:${MUTED};max-width:600px">${escape(branding.name)} uses Rapport for coaching sessions.</p>`,
    '</td></tr></table>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** A practice's branding from its org record. */
export const brandingOf = (org: { name: string; logoUrl: string | null; brandColor: string | null; signature: string | null }): Branding => ({
  name: org.name,
  logoUrl: org.logoUrl,
  brandColor: org.brandColor,
  signature: org.signature,
});
