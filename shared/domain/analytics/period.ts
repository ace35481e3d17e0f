/**
 * The longest analytics period, in whole days. Its own module so that request schemas can use it
 * without pulling in the analytics maths.
 */
export const MAX_PERIOD_DAYS = 366;
