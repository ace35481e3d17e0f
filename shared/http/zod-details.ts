import type { z } from 'zod';
import type { ErrorDetail } from '../domain/errors';

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Turns zod issues into the contract's `details`, one sentence per bad field. */
export function zodDetails(issues: readonly z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  const at = (path: readonly PropertyKey[]) => {
    const inner = joinPath(path);
    return prefix && inner ? `${prefix}.${inner}` : prefix || inner || 'body';
  };
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details.push({ field: at([...issue.path, key]), message: 'Unknown field.' });
      continue;
    }
    details.push({ field: at(issue.path), message: describe(issue) });
  }
  return details;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return 'Required.';
      return `Expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string') return `Must be at least ${issue.minimum} characters.`;
      if (issue.origin === 'array') return `Needs at least ${issue.minimum} entries.`;
      return `Must be at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Must be at most ${issue.maximum} characters.`;
      if (issue.origin === 'array') return `Allows at most ${issue.maximum} entries.`;
      return `Must be at most ${issue.maximum}.`;
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  }
}
