import { execFile } from 'node:child_process';
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
    const { stdout } = await promisify(execFile)(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['local/demo.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: String(port), DYNAMO_ENDPOINT: inject('dynamoEndpoint') },
      timeout: 170_000,
    });
    const chapters = [...stdout.matchAll(/^== (.+)$/gm)].map((m) => m[1]);
    expect(chapters).toEqual(['Maya sets up her practice', 'Daniel joins', 'Booking the first two sessions', 'The first session', 'Moving the second session', 'A missed session', 'Where things stand']);
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
    ]) {
      expect(stdout, subject).toMatch(new RegExp(`✉ ${who} \\(\\w+\\) receives: “[^”]*${subject}`));
    }
    expect(stdout).toContain('Maya Okafor');
    expect(stdout).toMatch(/Session 1: .+ — completed/);
    expect(stdout).toMatch(/Session 2: .+ — no_show/);
    expect(stdout).not.toMatch(/"level":/); // a story, not logs
    expect(stdout.trim().endsWith('The end.')).toBe(true);
  });
});
