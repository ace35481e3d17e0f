import type { OperationDoc } from '../operation';
import { health } from '../response-schemas';

export const systemOperations = {
  'GET /health': {
    access: 'public',
    tags: ['System'],
    description: 'Answers while the API can take requests. It reads nothing.',
    responses: { 200: { description: 'Up.', schema: health } },
  },
  'GET /openapi.json': {
    access: 'public',
    tags: ['System'],
    description: 'This document: OpenAPI 3.1, generated from the same schemas the API validates with. Its server is the address it was fetched from.',
    responses: { 200: { description: 'The OpenAPI document.', contentType: 'application/json' } },
  },
} satisfies Record<string, OperationDoc>;
