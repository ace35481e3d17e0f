/**
 * Typed failures of the product. Each carries the HTTP status and the contract's error code,
 * so one mapper at the edge turns any of them into the contract's error shape.
 */
export interface ErrorDetail {
  /** Dotted path of the offending input, e.g. `weekly.0.start`, `body`, `query.from`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Response headers the answer needs, e.g. `retry-after` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationFailed = (details: ErrorDetail[], message = 'Some fields are missing or invalid.') =>
  new AppError(400, 'validation_failed', message, details);

export const invalidField = (field: string, message: string) => validationFailed([{ field, message }]);

export const unauthorized = () => new AppError(401, 'unauthorized', 'Sign in to continue.');

export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message);

/** Also used for anything of another org or program: never reveal that it exists. */
export const notFound = (message = 'Nothing was found here.') => new AppError(404, 'not_found', message);

export const conflict = (code: string, message: string) => new AppError(409, code, message);

export const gone = (code: string, message: string) => new AppError(410, code, message);

export const unprocessable = (code: string, message: string) => new AppError(422, code, message);

export const payloadTooLarge = (maxBytes: number) =>
  new AppError(413, 'payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);

/** Input that passed every field's limit but together is more than one stored record holds. */
export const tooLargeToStore = () =>
  new AppError(413, 'payload_too_large', 'This is more than Rapport can store in one piece: shorten it and send it again.');

/** A limit was reached; `Retry-After` says in how many seconds trying again can succeed. */
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many requests; try again later.') =>
  new AppError(429, 'too_many_requests', message, [], { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
