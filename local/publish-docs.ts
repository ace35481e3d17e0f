import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openApiDocument } from '../shared/http/openapi/document';
import { docsAssets, docsHtml, docsInitScript, readDocsAsset } from './docs-page';

/**
 * `npm run openapi [-- --server https://api.example.com] [--out dist/docs]`: writes the OpenAPI
 * document and the docs page as static files (index.html, openapi.json and the renderer's files),
 * to be hosted anywhere; "try it" calls the server named in the document.
 */
const { values } = parseArgs({
  options: { server: { type: 'string', default: process.env.PUBLIC_API_URL }, out: { type: 'string', default: 'dist/docs' } },
});

const out = resolve(values.out ?? 'dist/docs');
await mkdir(out, { recursive: true });
const document = openApiDocument({ serverUrl: values.server });
await writeFile(join(out, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
await writeFile(join(out, 'index.html'), docsHtml({ assetBase: './', specUrl: './openapi.json' }));
await writeFile(join(out, 'docs-init.js'), docsInitScript('./openapi.json'));
for (const name of Object.keys(docsAssets)) await writeFile(join(out, name), await readDocsAsset(name));

const operationCount = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item ?? {}).length, 0);
console.log(`Wrote ${join(out, 'openapi.json')} (${operationCount} operations${values.server ? `, server ${values.server}` : ', no server: set --server'}) and the docs page ${join(out, 'index.html')}`);
