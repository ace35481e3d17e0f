import { apiFunction } from '../../shared/http/api-function';
import { apiRoute } from '../../shared/http/api-route';

export const handler = apiFunction('system', {
  'GET /health': apiRoute({ public: true }, async () => ({ ok: true })),
});
