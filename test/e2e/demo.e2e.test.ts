import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../local/free-port';
import { PROJECT_ROOT } from '../../local/stack';

/**
 * `npm run demo` as someone trying Rapport runs it: with nothing listening at PORT it starts its own
 * stack (here on the run's DynamoDB Local, to spare a second one) and tells the engagement.
 */
describe('npm run demo', () => {
  it('runs a whole engagement, exits 0, and tells it with every email’s subject', { timeout: 180_000 }, async () => {
    const port = await freePort(); // nobody listens there, so the demo starts its own stack
    const out = await mkdtemp(join(tmpdir(), 'rapport-demo-'));
    const { stdout } = await promisify(execFile)(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['local/demo.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: String(port), DYNAMO_ENDPOINT: inject('dynamoEndpoint'), DEMO_OUT: out },
      timeout: 170_000,
    });
    const chapters = [...stdout.matchAll(/^== (.+)$/gm)].map((m) => m[1]);
    expect(chapters).toEqual([
      'Maya sets up her practice',
      'Daniel joins',
      'Booking the first two sessions',
      'The first session',
      'Moving the second session',
      'A missed session',
      'The third session',
      'Ninety days on',
      'The report',
      "The practice's numbers",
    ]);
    // Each step's emails, to the side that should get them (the subjects' exact words are the emails' own tests' business).
    for (const [who, subject] of [
      ['Daniel', 'private coaching space'],
      ['Maya', 'Booked: Session 1'],
      ['Daniel', 'Booked: Session 2'],
      ['Daniel', 'Reminder: Session 1 .*tomorrow'],
      ['Maya', 'Reminder: Session 1 .*in an hour'],
      ['Maya', 'asks to move Session 2'],
      ['Daniel', 'Moved: Session 2'],
      ['Maya', 'No-show: Session 2'],
      ['Daniel', 'Reminder: Session 3 .*in an hour'],
      ['Maya', 'Daniel Reyes completed the 90-day reflection'],
      ['Daniel', 'would value your review'],
    ]) {
      expect(stdout, subject).toMatch(new RegExp(`✉ ${who} \\(\\w+\\) receives: “[^”]*${subject}`));
    }
    expect(stdout).toContain('Maya Okafor');
    expect(stdout).toMatch(/Session 1: .+ — completed/);
    expect(stdout).toMatch(/Session 2: .+ — no_show/);
    expect(stdout).toMatch(/Session 3: .+ — completed/);
    // The report and the analytics, as the API computed them from what happened above.
    expect(stdout).toContain('Sessions: 3 booked — 2 held, 1 missed, 0 cancelled, 1 still to book.');
    expect(stdout).toContain('Progress ratings: session 1 → 6, session 3 → 8.');
    expect(stdout).toContain('Satisfaction: 4 at intake, 8 after 90 days (+4).');
    expect(stdout).toMatch(/2 sessions held, 1 no-show, 0 cancellations, 1 active client\./);
    expect(stdout).toContain('Average rating 5 from 1 review');
    expect(stdout).toContain('Revenue 2027-03: £540.00'); // two held and one missed, at £180
    expect(stdout).toContain('coaching log for credential hours: 2 completed sessions');
    const chart = await readFile(join(out, 'progress.svg'), 'utf8');
    expect(chart).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(chart).toContain('Progress by session');
    expect(stdout).toContain(join(out, 'progress.svg'));
    await rm(out, { recursive: true, force: true });
    expect(stdout).not.toMatch(/"level":/); // a story, not logs
    expect(stdout.trim().endsWith('The end.')).toBe(true);
  });
});
