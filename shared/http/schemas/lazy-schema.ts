import type * as z from 'zod/mini';

/**
 * A request schema that is built the first time it is asked for, and is the same object ever after.
 *
 * Building zod schemas is most of what a function does at cold start beyond the SDK (+0.12× the
 * baseline for the bookings function's, see README, Cold starts): the first schema of each kind
 * compiles that kind's code. Built on first use, a cold start pays for none of them, and a request
 * builds only the schemas of its own route. Every request schema module exports these, never a
 * schema built at load; compose them inside the builder (`z.extend(programPath(), …)`).
 */
export type LazySchema<S extends z.core.$ZodType = z.core.$ZodType> = () => S;

export function lazySchema<S extends z.core.$ZodType>(build: () => S): LazySchema<S> {
  let built: S | undefined;
  return () => (built ??= build());
}

/** What a lazy schema parses to, e.g. the type of a route's body. */
export type Parsed<L extends LazySchema> = z.output<ReturnType<L>>;
