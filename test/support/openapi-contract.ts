import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../shared/http/openapi/document';
import type { RouteSpec } from '../../shared/http/routes';
import { matchRoute } from '../../local/route-matcher';

/**
 * Every response an end-to-end test receives is held to the OpenAPI document: its status must be
 * one the operation lists and its body must match that status's schema. The document is built
 * with closed responses, so a field the document does not describe is a mismatch too.
 */
export const contractDocument = openApiDocument({ closedResponses: true });

const DOC_ID = 'https://rapport.local/openapi.json';

let ajv: Ajv2020 | null = null;
function validator(): Ajv2020 {
  if (!ajv) {
    // OpenAPI adds `example` and `x-…` keywords that JSON Schema does not know.
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...contractDocument, $id: DOC_ID } as object);
  }
  return ajv;
}

const compiled = new Map<string, ValidateFunction>();

/** A validator for the schema at a JSON pointer inside the document. */
export function schemaAt(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = validator().compile({ $ref: `${DOC_ID}#${pointer}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The route of the route table a request reaches: the local gateway's own matcher, on the URL's path as the gateway reads it. */
export function routeFor(method: string, path: string): RouteSpec | null {
  return matchRoute(method, new URL(path, 'http://gateway.local').pathname)?.route ?? null;
}

/** What is wrong with a response, judged by the document; an empty list when it conforms. */
export function contractViolations(
  route: RouteSpec,
  response: { status: number; contentType: string; body: unknown; text: string; headers?: Headers },
): string[] {
  const operation = (
    contractDocument.paths?.[route.path] as
      | Record<string, { responses?: Record<string, { content?: Record<string, unknown>; headers?: Record<string, { required?: boolean }> }> }>
      | undefined
  )?.[route.method.toLowerCase()];
  const declared = operation?.responses?.[String(response.status)];
  const where = `${route.method} ${route.path} → ${response.status}`;
  if (!declared) return [`${where}: the document lists no ${response.status} for this operation (body: ${response.text.slice(0, 300)})`];
  const missing = Object.entries(declared.headers ?? {})
    .filter(([name, header]) => header.required && response.headers && !response.headers.has(name))
    .map(([name]) => `${where}: the document promises a ${name} header, and none came`);
  if (missing.length > 0) return missing;
  const types = Object.keys(declared.content ?? {});
  if (types.length === 0) return response.text === '' ? [] : [`${where}: the document lists no body, but one came: ${response.text.slice(0, 200)}`];
  const mediaType = response.contentType.split(';')[0]?.trim() ?? '';
  const type = types.find((t) => t === mediaType);
  if (!type) return [`${where}: content-type ${mediaType || '(none)'} is not one of ${types.join(', ')}`];
  if (!(declared.content?.[type] as { schema?: unknown } | undefined)?.schema) return [];
  const validate = schemaAt(`/paths/${escape(route.path)}/${route.method.toLowerCase()}/responses/${response.status}/content/${escape(type)}/schema`);
  if (validate(response.body)) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
}
