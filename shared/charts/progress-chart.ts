import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { RATING_SCALE } from '../domain/outcomes/outcome-questions';

/**
 * The progress chart of a program as an SVG string: each session's progress rating as a line with
 * points, the satisfaction at intake and at the 90-day reflection as diamonds at either end, on a
 * 1–10 axis. d3-scale and d3-shape do the geometry; no DOM is involved, so it renders in a Lambda.
 *
 * Made to be read at 320 px wide (text stays at least 12 px) and on paper: the two series differ by
 * shape as well as colour, and every colour meets WCAG AA against the white background.
 */
export interface ProgressChartInput {
  programName: string;
  totalSessions: number;
  ratings: { sessionNumber: number; rating: number }[];
  satisfaction: { intake: number | null; final: number | null };
}

export const CHART_SIZE = { width: 360, height: 270 } as const;
const MARGIN = { top: 70, right: 14, bottom: 44, left: 34 } as const;

/** Colours and their role; contrast against white is checked by a test. */
export const CHART_COLOURS = {
  background: '#ffffff',
  text: '#1f2933', // 14.7:1
  axis: '#52606d', // 6.4:1
  grid: '#e4e7eb', // decorative only
  progress: '#1f5fa6', // 6.6:1
  satisfaction: '#a8460b', // 5.8:1
} as const;

export const POINT_RADIUS = 5;

/** Where things go: x for a session number, y for a rating; the intake and the 90-day reflection stand apart at either end. */
export function chartLayout(totalSessions: number) {
  const plotRight = CHART_SIZE.width - MARGIN.right;
  const x = scaleLinear()
    .domain([1, Math.max(2, totalSessions)])
    .range([MARGIN.left + 48, plotRight - 44]);
  const y = scaleLinear()
    .domain([RATING_SCALE.min, RATING_SCALE.max])
    .range([CHART_SIZE.height - MARGIN.bottom, MARGIN.top]);
  return { x, y, intakeX: MARGIN.left + 20, finalX: plotRight - 16 };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const round = (n: number) => Math.round(n * 10) / 10;

/** Session numbers to label: all of them up to 12, else about ten round ones (always 1 and the last). */
function sessionTicks(totalSessions: number, x: ReturnType<typeof chartLayout>['x']): number[] {
  if (totalSessions <= 12) return Array.from({ length: totalSessions }, (_, i) => i + 1);
  const round = x.ticks(10).filter((t) => Number.isInteger(t) && t > 2 && t <= totalSessions - 3);
  return [1, ...round, totalSessions];
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The text alternative: everything the picture says, in words. */
export function chartDescription(input: ProgressChartInput): string {
  const ratings = input.ratings.length
    ? `Progress ratings by session, on a scale of 1 to 10: ${input.ratings.map((r) => `session ${r.sessionNumber}: ${r.rating}`).join(', ')}.`
    : 'No session has a progress rating yet.';
  const { intake, final } = input.satisfaction;
  const satisfaction =
    intake !== null && final !== null
      ? `Satisfaction was ${intake} at intake and ${final} at the 90-day reflection, a change of ${signed(final - intake)}.`
      : intake !== null
        ? `Satisfaction was ${intake} at intake; the 90-day reflection is still to come.`
        : final !== null
          ? `Satisfaction was ${final} at the 90-day reflection.`
          : 'Satisfaction has not been rated yet.';
  return `${ratings} ${satisfaction}`;
}

function diamond(cx: number, cy: number, r: number) {
  const s = r + 1.5;
  return `M${round(cx)},${round(cy - s)}L${round(cx + s)},${round(cy)}L${round(cx)},${round(cy + s)}L${round(cx - s)},${round(cy)}Z`;
}

export function progressChartSvg(input: ProgressChartInput): string {
  const { width, height } = CHART_SIZE;
  const c = CHART_COLOURS;
  const { x, y, intakeX, finalX } = chartLayout(input.totalSessions);
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;
  const ratings = [...input.ratings].sort((a, b) => a.sessionNumber - b.sessionNumber);
  const labelValues = input.totalSessions <= 16;
  const { intake, final } = input.satisfaction;

  const grid = Array.from({ length: RATING_SCALE.max - RATING_SCALE.min + 1 }, (_, i) => RATING_SCALE.min + i).map(
    (r) =>
      `<line x1="${plotLeft}" x2="${plotRight}" y1="${round(y(r))}" y2="${round(y(r))}" stroke="${c.grid}"/>` +
      `<text x="${plotLeft - 6}" y="${round(y(r))}" dy="0.35em" text-anchor="end">${r}</text>`,
  );
  const ticks = sessionTicks(input.totalSessions, x).map((n) => `<text x="${round(x(n))}" y="${height - MARGIN.bottom + 18}" text-anchor="middle">${n}</text>`);
  const ends = [
    `<text x="${round(intakeX)}" y="${height - MARGIN.bottom + 18}" text-anchor="middle" font-weight="600">Start</text>`,
    `<text x="${round(finalX)}" y="${height - MARGIN.bottom + 18}" text-anchor="middle" font-weight="600">90d</text>`,
  ];
  const path = ratings.length > 1 ? line<{ sessionNumber: number; rating: number }>().x((d) => round(x(d.sessionNumber))).y((d) => round(y(d.rating)))(ratings) : null;
  const points = ratings.map(
    (r) =>
      `<circle cx="${round(x(r.sessionNumber))}" cy="${round(y(r.rating))}" r="${POINT_RADIUS}" fill="${c.progress}" stroke="${c.background}" stroke-width="1.5"/>` +
      (labelValues ? `<text x="${round(x(r.sessionNumber))}" y="${round(y(r.rating) - 10)}" text-anchor="middle" fill="${c.progress}" font-weight="600">${r.rating}</text>` : ''),
  );
  const satisfactionMark = (value: number | null, cx: number) =>
    value === null
      ? ''
      : `<path d="${diamond(cx, y(value), POINT_RADIUS)}" fill="${c.satisfaction}" stroke="${c.background}" stroke-width="1.5"/>` +
        `<text x="${round(cx)}" y="${round(y(value) - 11)}" text-anchor="middle" fill="${c.satisfaction}" font-weight="700">${value}</text>`;
  const satisfactionMarks = [satisfactionMark(intake, intakeX), satisfactionMark(final, finalX)];
  const empty = ratings.length === 0 && intake === null && final === null;
  const note = empty
    ? `<text x="${round((plotLeft + plotRight) / 2)}" y="${round(y(5.5))}" text-anchor="middle" fill="${c.axis}">No ratings yet</text>`
    : '';
  const legendY = 40;
  const satisfactionLegend = intake !== null && final !== null ? `Satisfaction ${intake} → ${final} (${signed(final - intake)})` : 'Satisfaction';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc"`,
    ` font-family="-apple-system,'Segoe UI',Helvetica,Arial,sans-serif" font-size="14" fill="${c.text}">`,
    `<title id="chart-title">Progress: ${escape(input.programName)}</title>`,
    `<desc id="chart-desc">${escape(chartDescription(input))}</desc>`,
    `<rect width="${width}" height="${height}" fill="${c.background}"/>`,
    `<text x="${plotLeft - 24}" y="20" font-size="16" font-weight="700">Progress by session</text>`,
    `<g transform="translate(${plotLeft - 24},${legendY})"><circle cx="5" cy="-4" r="${POINT_RADIUS}" fill="${c.progress}"/><text x="15" y="0">Progress rating</text>`,
    `<path d="${diamond(140, -4, POINT_RADIUS)}" fill="${c.satisfaction}"/><text x="152" y="0">${escape(satisfactionLegend)}</text></g>`,
    `<g aria-hidden="true">${grid.join('')}</g>`,
    `<line x1="${plotLeft}" x2="${plotRight}" y1="${height - MARGIN.bottom}" y2="${height - MARGIN.bottom}" stroke="${c.axis}"/>`,
    `<line x1="${plotLeft}" x2="${plotLeft}" y1="${MARGIN.top}" y2="${height - MARGIN.bottom}" stroke="${c.axis}"/>`,
    `<g aria-hidden="true">${ticks.join('')}${ends.join('')}</g>`,
    `<text x="${round((plotLeft + plotRight) / 2)}" y="${height - 6}" text-anchor="middle" fill="${c.axis}">Session</text>`,
    note,
    path ? `<path d="${path}" fill="none" stroke="${c.progress}" stroke-width="2.5" stroke-linejoin="round"/>` : '',
    `<g>${points.join('')}${satisfactionMarks.join('')}</g>`,
    '</svg>',
  ].join('');
}
