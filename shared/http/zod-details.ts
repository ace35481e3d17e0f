import type * as z from 'zod/mini';
import type { ErrorDetail } from '../domain/errors';

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * The sentence for each kind of zod issue: the error map of every parse at the edge, so answers
 * read the same whichever zod build parsed them. A schema's own `error` wins over it.
 */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Required.';
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
    case 'invalid_format':
      return issue.format === 'url' ? 'Use a URL.' : issue.format === 'regex' ? 'Not in the expected format.' : `Use a valid ${issue.format}.`;
    case 'invalid_union':
      return 'Not one of the accepted forms.';
    case 'invalid_key':
      return 'Invalid key.';
    case 'invalid_element':
      return 'Invalid entry.';
    default:
      return undefined;
  }
};

/** Parse options for every parse at the edge. */
export const edgeParse = { error: issueMessage } as const;

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
    details.push({ field: at(issue.path), message: issue.message.endsWith('.') ? issue.message : `${issue.message}.` });
  }
  return details;
}
