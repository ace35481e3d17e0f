import { randomBytes } from 'node:crypto';
import type { EmailMessage } from './mailer';

/**
 * Builds the raw MIME message SES v2 sends with `Content.Raw` (RFC 5322 + 2045–2049). Raw, not
 * SES's Simple form, because only raw MIME can carry the calendar as a `text/calendar; method=…`
 * alternative part, which is what makes Gmail and Outlook show an invitation with its buttons:
 *
 *   multipart/mixed
 *     multipart/alternative
 *       text/plain; charset=utf-8
 *       text/html; charset=utf-8
 *       text/calendar; charset=utf-8; method=REQUEST|CANCEL     (only with a calendar)
 *     application/ics; name=invite.ics  (attachment)             (the same calendar, for Apple Mail & co.)
 *
 * Every header is 7-bit ASCII: display names and subjects become RFC 2047 encoded-words, and control
 * characters are stripped from every header value first, so nothing a user typed can add a header.
 * Bodies are base64 in 76-character lines (SES refuses lines over 1000).
 */
export interface MimeOptions {
  fromAddress: string;
  /** Epoch ms for the Date header. */
  date: number;
  /** The domain of the Message-ID (the sending address's domain). */
  messageIdDomain?: string;
}

export function buildMime(message: EmailMessage, options: MimeOptions): string {
  const boundary = (label: string) => `=_rapport_${label}_${randomBytes(12).toString('hex')}`;
  const alternative = boundary('alt');
  const parts: string[] = [
    part('text/plain; charset=utf-8', message.text),
    part('text/html; charset=utf-8', message.html),
    ...(message.calendar ? [part(`text/calendar; charset=utf-8; method=${message.calendar.method}`, message.calendar.content)] : []),
  ];
  const alternativeBody = multipart(alternative, parts);

  const domain = options.messageIdDomain ?? options.fromAddress.split('@')[1] ?? 'localhost';
  const headers = [
    header('From', mailbox(message.fromName, options.fromAddress)),
    header('To', message.to.map((a) => mailbox(undefined, a)).join(', ')),
    ...(message.replyTo?.length ? [header('Reply-To', message.replyTo.map((a) => mailbox(undefined, a)).join(', '))] : []),
    header('Subject', encodeWords(clean(message.subject))),
    header('Date', new Date(options.date).toUTCString().replace('GMT', '+0000')),
    header('Message-ID', `<${randomBytes(16).toString('hex')}@${domain}>`),
    'MIME-Version: 1.0',
  ];

  if (!message.calendar) {
    return [...headers, `Content-Type: multipart/alternative; boundary="${alternative}"`, '', alternativeBody].join('\r\n');
  }
  const mixed = boundary('mix');
  const attachment = [
    `Content-Type: application/ics; name="${message.calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics'}"`,
    `Content-Disposition: attachment; filename="${message.calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics'}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.calendar.content),
  ].join('\r\n');
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    multipart(mixed, [[`Content-Type: multipart/alternative; boundary="${alternative}"`, '', alternativeBody].join('\r\n'), attachment]),
  ].join('\r\n');
}

const part = (contentType: string, body: string) => [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join('\r\n');

const multipart = (boundary: string, parts: string[]) => [...parts.map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`, ''].join('\r\n');

const base64Lines = (body: string) => (Buffer.from(body, 'utf8').toString('base64').match(/.{1,76}/g) ?? ['']).join('\r\n');

/** Control characters (and DEL) have no place in a header: a CR or LF would start a new one. */
const clean = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s{2,}/g, ' ').trim();

/**
 * A header value as RFC 2047 encoded-words when it is not plain printable ASCII: UTF-8, base64
 * ("B"), each word at most 75 characters and never splitting a character.
 */
function encodeWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 75 - "=?UTF-8?B?" - "?=" = 63 characters of base64, i.e. at most 45 bytes per word.
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** `Display Name <address>`: the name quoted when plain ASCII, encoded-words when not. */
function mailbox(name: string | undefined, address: string): string {
  const display = name ? clean(name) : '';
  const addr = asciiAddress(clean(address));
  if (!display) return addr;
  const phrase = /^[\x20-\x7e]*$/.test(display) ? `"${display.replace(/(["\\])/g, '\\$1')}"` : encodeWords(display);
  return `${phrase} <${addr}>`;
}

/** The domain in punycode (addresses are stored so already; this is the last guard). */
function asciiAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1);
  return /^[\x20-\x7e]*$/.test(domain) ? address : `${address.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
}

/** One header, folded before 78 characters where it has spaces to fold at (RFC 5322 §2.2.3). */
function header(name: string, value: string): string {
  const line = `${name}: ${value}`;
  if (line.length <= 78 || line.includes('\r\n')) return line;
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > 78) {
      out.push(current);
      current = ` ${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out.join('\r\n');
}
