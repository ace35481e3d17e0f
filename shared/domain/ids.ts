import { randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe: unguessable, so ids double as capabilities nowhere but never leak order. */
export const newId = (): string => randomBytes(16).toString('base64url');

/** Ids the API hands out; anything else in a path can name nothing that exists. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
