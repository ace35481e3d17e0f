import type { JoinLinkOutcome } from '../use-cases/bookings/open-join-link';
import { momentTime, sessionTime } from '../emails/session-time';
import { Reply, textReply } from './reply';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small, self-contained page (no scripts, no outside assets) for a join link that cannot open yet. */
function page(title: string, lines: string[], lang = 'en', refreshSeconds?: number): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    '<meta name="robots" content="noindex">',
    refreshSeconds !== undefined ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '',
    `<title>${escape(title)}</title></head>`,
    '<body style="margin:0;padding:32px 16px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;line-height:1.5;color:#1f2933;background:#f4f5f7">',
    '<main style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;overflow-wrap:anywhere">',
    `<h1 style="font-size:20px;margin:0 0 12px">${escape(title)}</h1>`,
    ...lines.map((l) => `<p style="margin:0 0 12px">${escape(l)}</p>`),
    '</main></body></html>',
  ].join('\n');
}

const html = (status: number, body: string) => textReply(status, body, 'text/html; charset=utf-8', { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });

/** The join link's answer: 302 to the meeting, or a page (200 before the window, 410 after, 404 unknown). */
export function joinLinkReply(outcome: JoinLinkOutcome, nowMs: number): Reply {
  switch (outcome.kind) {
    case 'redirect':
      return new Reply(302, undefined, 'text/plain', { location: outcome.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    case 'not_yet': {
      // Reload when the window opens (at most every 10 minutes), so an early click still gets in.
      const seconds = Math.max(5, Math.min(600, Math.ceil((outcome.opensAt * 60_000 - nowMs) / 1000)));
      return html(
        200,
        page(
          outcome.title,
          [
            `Your session is ${sessionTime(outcome.start, outcome.end, outcome.reader)}.`,
            `This link opens the meeting from ${momentTime(outcome.opensAt, outcome.reader)}, 15 minutes before the start. Keep this page open and it will take you in then, or come back to the link.`,
          ],
          outcome.reader.locale,
          seconds,
        ),
      );
    }
    case 'over': {
      const why = { ended: 'This session has ended.', cancelled: 'This session was cancelled.', missed: 'This session was marked as missed.' }[outcome.reason];
      return html(410, page(outcome.title, [why, 'Open your coaching program to see your next sessions.']));
    }
    case 'unknown':
      return html(404, page('Link not found', ['This join link is not valid. Use the link in your latest invitation or reminder.']));
  }
}
