/** What the local stand-ins of AWS services receive and answer, independent of node:http. */
export interface WireRequest {
  method: string;
  /** Path below the stand-in's mount point, e.g. `/schedules/abc`. */
  path: string;
  query: URLSearchParams;
  body: string;
  /** Lower-case names; only the stand-ins that read headers get them. */
  headers?: Record<string, string>;
}

export interface WireResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export const awsJson = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** An error as AWS restJson1 services send it: the type in a header, the message in the body. */
export const awsError = (status: number, type: string, message: string): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
  body: JSON.stringify({ Message: message, message }),
});
