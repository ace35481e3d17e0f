import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, chartDescription, progressChartSvg } from '../../../shared/charts/progress-chart';

/** WCAG 2.x relative luminance and contrast ratio. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const full = { programName: 'Leading <with> "Clarity"', totalSessions: 12, ratings: [{ sessionNumber: 1, rating: 5 }, { sessionNumber: 3, rating: 8 }, { sessionNumber: 2, rating: 6 }], satisfaction: { intake: 4, final: 8 } };

describe('the progress chart', () => {
  it('uses colours that meet WCAG AA on its background: 4.5:1 for text, 3:1 for the marks', () => {
    expect(contrast(CHART_COLOURS.text, CHART_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(CHART_COLOURS.axis, CHART_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
    // The marks carry their values as text in their own colour, so they are held to the text ratio too.
    expect(contrast(CHART_COLOURS.progress, CHART_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(CHART_COLOURS.satisfaction, CHART_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('says in words what it shows, with a title and description assistive technology reads', () => {
    const svg = progressChartSvg(full);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">Progress: Leading &lt;with&gt; &quot;Clarity&quot;</title>');
    expect(chartDescription(full)).toBe(
      'Progress ratings by session, on a scale of 1 to 10: session 1: 5, session 3: 8, session 2: 6. Satisfaction was 4 at intake and 8 at the 90-day reflection, a change of +4.',
    );
    expect(svg.match(/<circle cx/g)).toHaveLength(4); // three points and the legend's
    expect(svg).toMatch(/<path d="M[\d.,]+L[\d.,]+L[\d.,]+" fill="none"/); // one line through the three, in session order
  });

  it('draws an empty program as an empty chart, and a single rating as a point without a line', () => {
    const empty = progressChartSvg({ programName: 'New', totalSessions: 12, ratings: [], satisfaction: { intake: null, final: null } });
    expect(empty).toContain('No ratings yet');
    expect(empty).toContain('No session has a progress rating yet. Satisfaction has not been rated yet.');
    const one = progressChartSvg({ programName: 'One', totalSessions: 1, ratings: [{ sessionNumber: 1, rating: 7 }], satisfaction: { intake: 3, final: null } });
    expect(one).not.toContain('fill="none"');
    expect(one.match(/<circle cx/g)).toHaveLength(2);
    expect(one).toContain('Satisfaction was 3 at intake; the 90-day reflection is still to come.');
  });
});
