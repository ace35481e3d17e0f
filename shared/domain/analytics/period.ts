/**
 * The longest analytics period, in whole days. Its own module so that request schemas can use it
 * without pulling in the analytics maths and luxon (a sixth of a small function's cold start).
 */
export const MAX_PERIOD_DAYS = 366;
