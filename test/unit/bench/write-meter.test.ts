import { describe, expect, it } from 'vitest';
import { itemSize, kindOf } from '../../../bench/write-meter';

/** The bench's write units are only as good as its item sizes: DynamoDB's published rules. */
describe('item sizes as DynamoDB counts them', () => {
  it('counts names and string values in UTF-8 bytes', () => {
    expect(itemSize({ pk: { S: 'ORG#1' }, note: { S: 'café' } })).toBe(2 + 5 + 4 + 5);
  });

  it('counts a number as one byte per two significant digits plus one', () => {
    expect(itemSize({ n: { N: '1700000000000' } })).toBe(1 + 2); // 17: two digits
    expect(itemSize({ n: { N: '123456' } })).toBe(1 + 4);
    expect(itemSize({ n: { N: '-0.5' } })).toBe(1 + 2);
  });

  it('adds 3 bytes per list or map and 1 per element, and sums the elements of a set', () => {
    expect(itemSize({ l: { L: [{ S: 'ab' }, { BOOL: true }] } })).toBe(1 + 3 + (1 + 2) + (1 + 1));
    expect(itemSize({ m: { M: { to: { S: 'a@b.c' } } } })).toBe(1 + 3 + 1 + 2 + 5);
    expect(itemSize({ done: { NS: ['1', '12'] } })).toBe(4 + 2 + 2);
  });

  it('names what an item is from its keys', () => {
    expect(kindOf({ pk: { S: 'ORG#o#PROG#p' }, sk: { S: 'OUTBOX#01J' } })).toBe('outbox');
    expect(kindOf({ pk: { S: 'ORG#o#STATS' }, sk: { S: 'MONTH#2026-12#p' } })).toBe('analytics sums');
  });
});
