import { describe, expect, it } from 'vitest';
import { generateHomepage, generateStructure } from '../../../shared/domain/programs/generate-program';
import { packagesOf } from '../../../shared/domain/programs/packages';
import { allModules, questionsOf, sessionModules } from '../../../shared/domain/programs/structure-edits';

let counter = 0;
const ids = () => `id${++counter}`;

describe('the generated 1:1 coaching space', () => {
  const structure = generateStructure(12, ids);

  it('has the four sections in order, with a welcome, twelve sessions, a look back and a library', () => {
    expect(structure.sections.map((s) => [s.kind, s.modules.map((m) => m.kind)])).toEqual([
      ['getting_started', ['welcome']],
      ['sessions', Array(12).fill('session')],
      ['looking_back', ['looking_back']],
      ['resources', ['resource_library']],
    ]);
  });

  it('gives every session module prep, booking, reflection and action items, in that order, numbered 1..n', () => {
    const sessions = sessionModules(structure);
    expect(sessions.map((m) => m.sessionNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const module of sessions) {
      expect(module.activities.map((a) => a.kind)).toEqual(['session_prep', 'booking', 'session_reflection', 'action_items']);
      expect(module.activities.every((a) => a.visibility === 'private')).toBe(true);
    }
  });

  it('keeps the admin guide coach-only and everything else private to coach and client', () => {
    const activities = allModules(structure).flatMap((m) => m.activities);
    expect(activities.filter((a) => a.visibility === 'coach_only').map((a) => a.kind)).toEqual(['admin_guide']);
  });

  it('asks 7 intake questions, 4 prep, 3 reflection and 5 at 90 days, with 1–10 ratings where the contract says', () => {
    const activity = (kind: string) => allModules(structure).flatMap((m) => m.activities).find((a) => a.kind === kind);
    const intake = questionsOf(structure, activity('intake')!)!;
    const prep = questionsOf(structure, activity('session_prep')!)!;
    const reflection = questionsOf(structure, activity('session_reflection')!)!;
    const final = questionsOf(structure, activity('reflection_90_day')!)!;
    expect([intake.length, prep.length, reflection.length, final.length]).toEqual([7, 4, 3, 5]);
    for (const rating of [intake, reflection, final].map((qs) => qs.filter((q) => q.type === 'rating'))) {
      expect(rating).toHaveLength(1);
      expect(rating[0]).toMatchObject({ min: 1, max: 10, required: true });
    }
    expect(prep.every((q) => q.type === 'text')).toBe(true);
  });

  it('gives every part its own id', () => {
    const all = [
      ...structure.sections.map((s) => s.sectionId),
      ...allModules(structure).map((m) => m.moduleId),
      ...allModules(structure).flatMap((m) => m.activities.map((a) => a.activityId)),
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it('has the four homepage sections', () => {
    expect(generateHomepage().sections.map((s) => s.key)).toEqual(['welcome', 'how_we_work', 'about_coach', 'what_to_expect']);
  });

  it('derives the packages: coaching follows the session count, check-ins only when asked for', () => {
    expect(packagesOf({ totalSessions: 8, quickCheckIns: false })).toEqual([
      { packageId: 'coaching', name: 'Coaching Session', durationMinutes: 60, perWeek: 1, total: 8 },
    ]);
    expect(packagesOf({ totalSessions: 8, quickCheckIns: true })[1]).toEqual({ packageId: 'quick_check_in', name: 'Quick Check-in', durationMinutes: 15, total: 3 });
  });

  it('stays small for 52 sessions: the structure fits one DynamoDB item with room to spare', () => {
    const bytes = Buffer.byteLength(JSON.stringify(generateStructure(52, ids)));
    expect(bytes).toBeLessThan(64 * 1024);
  });
});
