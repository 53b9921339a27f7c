// The API's OpenAPI description: served at /api/v1/openapi.json, browsable at /api-docs,
// written by `npm run cli -- openapi`.
export { buildOpenApiDocument, csvColumns, OPENAPI_VERSION } from './document';
export { OPERATIONS, openApiQuery, type ApiOperation, type RequestExample } from './operations';
export { rolesFor, scopesFor } from './access';
