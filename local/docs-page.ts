import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { API_TITLE } from '../shared/http/openapi/document';

/**
 * The docs page: Swagger UI, from the swagger-ui-dist package on disk, reading the OpenAPI
 * document. Nothing comes from a CDN, so the page works offline. The local stack serves it at
 * `/docs`; `npm run openapi` writes the same page as static files an operator can host anywhere.
 */
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The renderer's files the page loads, and their types. */
export const docsAssets: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

export const readDocsAsset = (name: string): Promise<Buffer> => readFile(join(swaggerUiDir, name));

/** The page; `assetBase` and `specUrl` are where its files and the document are served from. */
export function docsHtml(options: { assetBase: string; specUrl: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${API_TITLE} — reference</title>
  <link rel="icon" type="image/png" href="${options.assetBase}favicon-32x32.png">
  <link rel="stylesheet" href="${options.assetBase}swagger-ui.css">
  <style>body { margin: 0; } .swagger-ui .topbar { display: none; }</style>
</head>
<body>
  <div id="docs"></div>
  <script src="${options.assetBase}swagger-ui-bundle.js"></script>
  <script src="${options.assetBase}docs-init.js"></script>
</body>
</html>
`;
}

/**
 * Starts Swagger UI. `validatorUrl: null` keeps it from sending the document to an online
 * validator; "try it" sends requests to the document's server with the token given in Authorize.
 */
export function docsInitScript(specUrl: string): string {
  return `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(specUrl)},
  dom_id: '#docs',
  deepLinking: true,
  validatorUrl: null,
  displayOperationId: false,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  persistAuthorization: false,
});
`;
}
