import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';
import { textReply } from '../../shared/http/reply';
import { openApiDocument } from '../../shared/http/openapi/document';

/** Built at the first request and kept for the life of the container; only the server URL varies. */
let cached: { origin: string; text: string } | null = null;

export const handler = apiFunction('openapi', {
  'GET /openapi.json': apiRoute({ public: true }, async ({ origin }) => {
    if (cached?.origin !== origin) cached = { origin, text: JSON.stringify(openApiDocument({ serverUrl: origin })) };
    return textReply(200, cached.text, 'application/json; charset=utf-8', { 'cache-control': 'public, max-age=300' });
  }),
});
