import { invalidField } from '../domain/errors';
import type { Page } from '../data/table';

/**
 * Pages over a list already in memory (schedules live inside their org), with the same
 * `{items, nextCursor}` contract as the DynamoDB-backed lists. The cursor is the last id returned.
 */
export function paginateInMemory<T>(items: T[], idOf: (item: T) => string, limit = 50, cursor?: string): Page<T> {
  let start = 0;
  if (cursor) {
    let after: string;
    try {
      after = Buffer.from(cursor, 'base64url').toString('utf8');
    } catch {
      throw invalidField('query.cursor', 'This cursor is not one the API handed out.');
    }
    const index = items.findIndex((item) => idOf(item) === after);
    if (index < 0) throw invalidField('query.cursor', 'This cursor is not one the API handed out.');
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length;
  return { items: page, nextCursor: more && last ? Buffer.from(idOf(last)).toString('base64url') : null };
}
