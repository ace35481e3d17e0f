import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LocalStack } from '../../local/stack';
import { CHART_COLOURS, CHART_SIZE, chartLayout } from '../../shared/charts/progress-chart';
import { launchBrowser, openPage } from '../support/browser';
import type { ApiClient } from '../support/local-stack';
import { aCoachStack, aJoinedClient, aProgram, moveClock } from '../support/scenarios-http';

/**
 * One program walked from intake to the 90-day reflection on the local clock (Monday 30 November
 * 2026; the coach in London, UTC in winter): three sessions held and rated 5, 6 and 8, one missed,
 * one cancelled late, half the commitments done; satisfaction 4 at intake and 8 at the end.
 * The steps run in order, because the clock only moves forward.
 */
let stack: LocalStack;
let coach: ApiClient;
let orgId: string;
let client: ApiClient;
let coachEmail: string;
let clientEmail: string;
let program: any;
let url: string;
let stop: () => Promise<void>;

const SESSION_STARTS = ['2026-12-02T10:00:00Z', '2026-12-09T10:00:00Z', '2026-12-16T10:00:00Z', '2026-12-23T10:00:00Z', '2026-12-29T10:00:00Z'];
const bookingIds: string[] = [];

const moveClockTo = (iso: string) => moveClock(stack, { to: iso });
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const sessionModule = (n: number) => program.sections[1].modules[n - 1];
const activityOf = (kind: string, sessionNumber?: number) => {
  const modules = sessionNumber ? [sessionModule(sessionNumber)] : program.sections.flatMap((s: any) => s.modules);
  return modules.flatMap((m: any) => m.activities).find((a: any) => a.kind === kind);
};
const answer = async (kind: string, answers: Record<string, string | number>, sessionNumber?: number) => {
  const response = await client.put(`${url}/activities/${activityOf(kind, sessionNumber).activityId}/response`, { answers });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
};

/** The engagement itself, once for the whole file: the checks below read what it left. */
async function walkTheProgram() {
  await answer('intake', { story: 'New to leading a team of nine.', goals: 'Delegate well.', satisfaction: 4, success: 'My team runs a week without me.' });
  for (const start of SESSION_STARTS) {
    const booked = await client.post(`${url}/bookings`, { packageId: 'coaching', start });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    bookingIds.push(booked.body.bookingId);
  }

  const ratings = [5, 6, 8];
  for (const [i, rating] of ratings.entries()) {
    const n = i + 1;
    if (n < 3) await answer('session_prep', { focus: `Focus for session ${n}` }, n);
    await moveClockTo(at(SESSION_STARTS[i]!, -5));
    expect((await client.post(`${url}/bookings/${bookingIds[i]}/join`)).status).toBe(200);
    await moveClockTo(at(SESSION_STARTS[i]!, 61));
    await answer('session_reflection', { takeaway: 'Ask, do not tell.', commitments: 'Two delegations.', progress_rating: rating }, n);
    for (const text of [`First step after session ${n}`, `Second step after session ${n}`].slice(0, n <= 2 ? 2 : 0)) {
      const item = await coach.post(`${url}/modules/${sessionModule(n).moduleId}/action-items`, { text });
      expect(item.status).toBe(201);
      if (text.startsWith('First')) expect((await client.patch(`${url}/action-items/${item.body.actionItemId}`, { done: true })).status).toBe(200);
    }
  }

  await moveClockTo(at(SESSION_STARTS[3]!, 16)); // session 4: the client never comes
  expect((await coach.get(`${url}/bookings/${bookingIds[3]}`)).body.status).toBe('no_show');
  await moveClockTo('2026-12-28T12:00:00Z'); // session 5: cancelled 22 hours before
  const cancelled = await client.post(`${url}/bookings/${bookingIds[4]}/cancel`, { reason: 'Travel' });
  expect(cancelled.body).toMatchObject({ status: 'cancelled', creditReturned: false });
  await answer('reflection_90_day', { story_now: 'Calmer.', goals_reached: 'Delegating weekly.', satisfaction: 8 });
}

beforeAll(async () => {
  ({ stack, coach, coachEmail, orgId, stop } = await aCoachStack({ now: '2026-11-30T08:00:00Z', timeZone: 'Europe/London' }));
  program = await aProgram(coach, orgId, { name: 'Leading with Clarity' });
  url = `/orgs/${orgId}/programs/${program.programId}`;
  ({ client, email: clientEmail } = await aJoinedClient(stack, coach, orgId, program.programId));
  await walkTheProgram();
});
afterAll(() => stop());

describe('the program report', () => {
  it('shows exactly what happened between intake and the 90-day reflection', async () => {
    const report = await coach.get(`${url}/report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      sessions: { booked: 5, completed: 3, noShow: 1, cancelled: 1, cancelledLate: 1, upcoming: 0, remaining: 7 },
      activityCompletion: { sessionPrep: { submitted: 2, total: 12 }, sessionReflection: { submitted: 3, total: 12 } },
      progressRatings: [
        { sessionNumber: 1, rating: 5 },
        { sessionNumber: 2, rating: 6 },
        { sessionNumber: 3, rating: 8 },
      ],
      actionItems: { done: 2, total: 4 },
      satisfaction: { intake: 4, final: 8, change: 4 },
    });
    expect(report.body.sessionDetails.slice(0, 6)).toEqual([
      { sessionNumber: 1, title: 'Session 1', bookingId: bookingIds[0], start: SESSION_STARTS[0], status: 'completed', prepSubmitted: true, reflectionSubmitted: true, rating: 5, actionItems: { done: 1, total: 2 } },
      { sessionNumber: 2, title: 'Session 2', bookingId: bookingIds[1], start: SESSION_STARTS[1], status: 'completed', prepSubmitted: true, reflectionSubmitted: true, rating: 6, actionItems: { done: 1, total: 2 } },
      { sessionNumber: 3, title: 'Session 3', bookingId: bookingIds[2], start: SESSION_STARTS[2], status: 'completed', prepSubmitted: false, reflectionSubmitted: true, rating: 8, actionItems: { done: 0, total: 0 } },
      { sessionNumber: 4, title: 'Session 4', bookingId: bookingIds[3], start: SESSION_STARTS[3], status: 'no_show', prepSubmitted: false, reflectionSubmitted: false, rating: null, actionItems: { done: 0, total: 0 } },
      {
        sessionNumber: 5,
        title: 'Session 5',
        bookingId: bookingIds[4],
        start: SESSION_STARTS[4],
        status: 'cancelled',
        creditReturned: false,
        prepSubmitted: false,
        reflectionSubmitted: false,
        rating: null,
        actionItems: { done: 0, total: 0 },
      },
      { sessionNumber: 6, title: 'Session 6', bookingId: null, start: null, status: 'not_booked', prepSubmitted: false, reflectionSubmitted: false, rating: null, actionItems: { done: 0, total: 0 } },
    ]);
  });

  it('tells the coach once when the 90-day reflection is in, with the way to the report and the chart', async () => {
    await stack.settle();
    const subject = 'completed the 90-day reflection';
    const [email, ...more] = stack.ses.outbox(coachEmail).filter((m) => m.subject.includes(subject));
    expect(more).toEqual([]);
    expect(email?.text).toContain('Satisfaction at intake: 4 / 10');
    expect(email?.text).toContain('Satisfaction now: 8 / 10');
    expect(email?.text).toContain('Change: +4');
    expect(email?.text).toContain(`/orgs/${orgId}/programs/${program.programId}/report\n`);
    expect(email?.text).toContain(`/orgs/${orgId}/programs/${program.programId}/report/progress`);
    await answer('reflection_90_day', { story_now: 'Calmer still.', goals_reached: 'Delegating weekly.', satisfaction: 8 });
    await stack.settle();
    expect(stack.ses.outbox(coachEmail).filter((m) => m.subject.includes(subject))).toHaveLength(1);
  });

  it('is the coach’s: the client is refused', async () => {
    const refused = await client.get(`${url}/report`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });
});

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const near = (a: Rgb | undefined, b: Rgb) => a !== undefined && a.every((v, i) => Math.abs(v - b[i]!) <= 12);

/** Renders the SVG at `width` px in Chromium, takes a PNG screenshot, and reads that PNG's pixels back at the given points. */
async function renderAndSample(page: Page, svg: string, width: number, points: [number, number][]): Promise<{ samples: Rgb[]; colours: number }> {
  const scale = width / CHART_SIZE.width;
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg.replace(/width="\d+" height="\d+"/, `width="${width}" style="height:auto;display:block"`)}</body></html>`);
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height: Math.round(CHART_SIZE.height * scale) } });
  const scaled = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)]);
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const all = context.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set();
    for (let i = 0; i < all.length; i += 4) colours.add((all[i] << 16) | (all[i + 1] << 8) | all[i + 2]);
    const samples = ${JSON.stringify(scaled)}.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)));
    return { samples, colours: colours.size };
  })()`);
}

describe('the progress chart', () => {
  it('is an SVG the coach and, once published, the client can fetch', async () => {
    const forCoach = await coach.get(`${url}/report/progress.svg`);
    expect(forCoach.status).toBe(200);
    expect(forCoach.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(forCoach.body).toContain('<desc id="chart-desc">Progress ratings by session, on a scale of 1 to 10: session 1: 5, session 2: 6, session 3: 8.');
    expect((await client.get(`${url}/report/progress.svg`)).body).toBe(forCoach.body);
  });

  it('draws each point where its rating says, at full size and at 320 px wide', async () => {
    const svg = (await coach.get(`${url}/report/progress.svg`)).body as string;
    const { x, y, intakeX, finalX } = chartLayout(12);
    const ratings: [number, number][] = [
      [1, 5],
      [2, 6],
      [3, 8],
    ];
    const points: [number, number][] = [
      ...ratings.map(([n, r]) => [x(n), y(r)] as [number, number]),
      [intakeX, y(4)],
      [finalX, y(8)],
      [x(1), y(9)], // where no point is
      [x(6), y(6)],
    ];
    const browser = await launchBrowser();
    try {
      for (const width of [CHART_SIZE.width, 320]) {
        const page = await openPage(browser, width, 400);
        const { samples, colours } = await renderAndSample(page, svg, width, points);
        expect(colours, 'not blank').toBeGreaterThan(20);
        for (const i of [0, 1, 2]) expect(near(samples[i], rgb(CHART_COLOURS.progress)), `session ${i + 1} at ${width}px: ${samples[i]}`).toBe(true);
        expect(near(samples[3], rgb(CHART_COLOURS.satisfaction)), `intake at ${width}px: ${samples[3]}`).toBe(true);
        expect(near(samples[4], rgb(CHART_COLOURS.satisfaction)), `90 days at ${width}px: ${samples[4]}`).toBe(true);
        for (const i of [5, 6]) {
          expect(near(samples[i], rgb(CHART_COLOURS.progress)) || near(samples[i], rgb(CHART_COLOURS.satisfaction)), `empty spot ${i}: ${samples[i]}`).toBe(false);
        }
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
  });
});

describe('reviews', () => {
  it('lets the coach ask once, by email with a link, until the client answers', async () => {
    const asked = await coach.post(`${url}/review-requests`);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'open', answeredAt: null });
    expect(Date.parse(asked.body.expiresAt) - Date.parse(asked.body.requestedAt)).toBe(30 * 24 * 3600_000);
    await stack.settle();
    const [email] = stack.ses.outbox(clientEmail).filter((m) => m.subject.includes('review'));
    expect(email?.text).toContain(`/orgs/${orgId}/programs/${program.programId}/review`);
    const again = await coach.post(`${url}/review-requests`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('review_request_open');
    expect((await client.post(`${url}/review-requests`)).status).toBe(403);
  });

  it('takes one review per client, which they may change; the coach reads it', async () => {
    for (const [body, field] of [
      [{ rating: 0 }, 'rating'],
      [{ rating: 6 }, 'rating'],
      [{ rating: 4.5 }, 'rating'],
      [{ rating: 4, body: 'x'.repeat(5001) }, 'body'],
    ] as const) {
      const refused = await client.post(`${url}/reviews`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((d: any) => d.field)).toEqual([field]);
    }
    expect((await coach.post(`${url}/reviews`, { rating: 5 })).status).toBe(403);

    const written = await client.post(`${url}/reviews`, { rating: 4, body: 'Clear, kind and direct.' });
    expect(written.status).toBe(201);
    const changed = await client.post(`${url}/reviews`, { rating: 5, body: 'Clear, kind and direct. I delegate now.' });
    expect(changed.status).toBe(200);
    expect(changed.body.createdAt).toBe(written.body.createdAt);
    const read = await coach.get(`${url}/reviews`);
    expect(read.body.items).toEqual([{ clientUserId: client.userId, rating: 5, body: 'Clear, kind and direct. I delegate now.', createdAt: written.body.createdAt, updatedAt: changed.body.updatedAt }]);
    expect(read.body.request.status).toBe('answered');
    expect((await client.get(`${url}/reviews`)).body.items).toEqual(read.body.items);
    expect((await coach.post(`${url}/review-requests`)).status).toBe(201); // answered: the coach may ask again
  });
});

describe('editable intake and 90-day questions', () => {
  it('keeps the satisfaction rating, and answers keep the words they were given to', async () => {
    const asked = (await coach.get(`${url}/report`)).body.satisfaction.intakeQuestion;
    expect(asked).toMatch(/^How satisfied are you today/);
    const withoutRating = await coach.put(`${url}/templates/intake`, { questions: [{ prompt: 'What brings you here?', type: 'text', required: true }] });
    expect(withoutRating.status).toBe(409);
    expect(withoutRating.body.error.code).toBe('rating_question_required');
    const asText = await coach.put(`${url}/templates/reflection_90_day`, { questions: [{ questionId: 'satisfaction', prompt: 'Satisfied?', type: 'text' }] });
    expect(asText.body.error.code).toBe('rating_question_required');

    const reworded = await coach.put(`${url}/templates/intake`, {
      questions: [
        { prompt: 'What brings you here?', type: 'text', required: true },
        { questionId: 'satisfaction', prompt: 'On a scale of 1 to 10, how content are you with where things stand?', type: 'rating', required: true },
      ],
    });
    expect(reworded.status).toBe(200);
    const intake = (await coach.get(`${url}/activities/${activityOf('intake').activityId}`)).body;
    expect(intake.questions.map((q: any) => q.questionId)).toEqual(['q1', 'satisfaction']);
    const report = (await coach.get(`${url}/report`)).body;
    expect(report.satisfaction).toMatchObject({ intake: 4, intakeQuestion: asked });
  });
});

