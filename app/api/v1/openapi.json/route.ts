// GET /api/v1/openapi.json?lang=zh-CN|en: the OpenAPI 3.1 description of /api/v1,
// generated from the routes' zod schemas. Public: it describes the API, holds no data.
import { handle } from '@/lib/edge/route';
import { buildOpenApiDocument, openApiQuery } from '@/lib/openapi';
import { searchParams } from '@/lib/http/request';

export const GET = handle(async (request: Request) => {
  const { lang } = openApiQuery.parse(searchParams(request));
  return Response.json(buildOpenApiDocument(lang ?? 'zh-CN'), { headers: { 'Cache-Control': 'public, max-age=300' } });
});
