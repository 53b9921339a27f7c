// `openapi`: prints the OpenAPI 3.1 document the app serves at /api/v1/openapi.json.
import { buildOpenApiDocument } from '../../lib/openapi/index';
import { parseCommandArgs, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- openapi [--lang zh-CN|en] > openapi.json

Prints the OpenAPI 3.1 description of the HTTP API (/api/v1): the same document the
app serves at /api/v1/openapi.json, generated from the routes' zod schemas. No
database needed. --lang picks the language of the descriptions (default zh-CN).`;

const command: Command = {
  summary: 'prints the OpenAPI 3.1 document of the HTTP API (no database)',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { lang: { type: 'string' } });
    const lang = values.lang ?? 'zh-CN';
    if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError(`--lang must be zh-CN or en, not "${lang}"`);
    process.stdout.write(JSON.stringify(buildOpenApiDocument(lang), null, 2) + '\n');
    return 0;
  },
};

export default command;
