import { GRID_MINUTES } from '../time/wall-clock';

/**
 * No double booking by construction: a session holds one lock item per 5-minute block of its time
 * plus buffer, written with `attribute_not_exists`. Every time of day, buffer and step lies on the
 * 5-minute grid, so two sessions overlap exactly when they share a block.
 */
export const LOCK_BLOCK_MINUTES = GRID_MINUTES;

export function lockBlocks(start: number, until: number): number[] {
  const blocks: number[] = [];
  for (let block = Math.floor(start / LOCK_BLOCK_MINUTES) * LOCK_BLOCK_MINUTES; block < until; block += LOCK_BLOCK_MINUTES) blocks.push(block);
  return blocks;
}

/** The blocks to take and to give back when a session moves from one span to another. */
export function moveBlocks(from: { start: number; until: number }, to: { start: number; until: number }) {
  const before = new Set(lockBlocks(from.start, from.until));
  const after = new Set(lockBlocks(to.start, to.until));
  return { release: [...before].filter((b) => !after.has(b)), acquire: [...after].filter((b) => !before.has(b)) };
}
