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

export const tooManyRequests = () => new AppError(429, 'too_many_requests', 'Too many requests; try again shortly.');
