import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { generateStructure } from '../../../shared/domain/programs/generate-program';
import {
  appendSession,
  findActivity,
  removeActivity,
  removeSession,
  renameModule,
  replaceTemplate,
  sessionModules,
} from '../../../shared/domain/programs/structure-edits';

let n = 0;
const ids = () => `x${++n}`;

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return null;
};

describe('editing a program structure', () => {
  it('appends a session numbered after the last, without touching the original', () => {
    const before = generateStructure(3, ids);
    const { structure, module } = appendSession(before, ids);
    expect(module).toMatchObject({ sessionNumber: 4, title: 'Session 4' });
    expect(sessionModules(structure)).toHaveLength(4);
    expect(sessionModules(before)).toHaveLength(3);
  });

  it('refuses a 53rd session', () => {
    expect(codeOf(() => appendSession(generateStructure(52, ids), ids))).toBe('session_limit_reached');
  });

  it('renumbers after removing a session; default titles follow, chosen titles stay', () => {
    let structure = generateStructure(4, ids);
    const [first, second, third] = sessionModules(structure);
    structure = renameModule(structure, third!.moduleId, 'Halfway check').structure;
    structure = removeSession(structure, first!.moduleId);
    expect(sessionModules(structure).map((m) => [m.sessionNumber, m.title])).toEqual([
      [1, 'Session 1'],
      [2, 'Halfway check'],
      [3, 'Session 3'],
    ]);
    expect(sessionModules(structure)[0]?.moduleId).toBe(second?.moduleId);
  });

  it('never removes the last session, nor a module that is not a session', () => {
    const one = generateStructure(1, ids);
    expect(codeOf(() => removeSession(one, sessionModules(one)[0]!.moduleId))).toBe('last_session_module');
    const welcome = one.sections[0]!.modules[0]!;
    expect(codeOf(() => removeSession(one, welcome.moduleId))).toBe('module_not_removable');
    expect(codeOf(() => removeSession(one, 'nope'))).toBe('not_found');
  });

  it('removes one activity and replaces a template everywhere at once', () => {
    const structure = generateStructure(2, ids);
    const guide = structure.sections[0]!.modules[0]!.activities[0]!;
    const without = removeActivity(structure, guide.activityId);
    expect(findActivity(without, guide.activityId)).toBeNull();
    const replaced = replaceTemplate(structure, 'session_prep', [{ questionId: 'one', prompt: 'One thing?', type: 'text', required: true }]);
    expect(replaced.templates.session_prep).toHaveLength(1);
    expect(structure.templates.session_prep).toHaveLength(4);
  });
});
