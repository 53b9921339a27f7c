// `ingest`: uploads a CSV file of any size to the API in resumable chunks.
import { existsSync } from 'node:fs';
import { INGEST_KINDS, isIngestKind } from '../../lib/ingest/kinds';
import { ChunkSendError } from '../../lib/ingest/uploader/send';
import { uploadFile, type UploadSummary } from '../../lib/ingest/uploader/upload-file';
import { progressBar } from '../progress';
import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- ingest FILE --kind metrics|events|catalog|requests|objections --url URL --token T [--chunk-rows 5000]
       (or --file FILE instead of FILE)

Uploads a CSV file to POST /api/v1/{kind} in chunks, streaming it
(never loading it whole). Each chunk stays under 4 MB (the serverless body limit is
4.5 MB) and carries Idempotency-Key = the file's sha256 + the chunk number, so running
the same command again after a crash or a failure resumes without counting anything twice
(use the same --chunk-rows when resuming).

  --kind KIND            metrics:    header department,period,indicator,value[,note]
                         events:     header date,provider,consumer,resource,calls[,records,failures]
                         catalog:    header resource,provider,name,share_type,legal_basis,update_cycle,published_on,updated_on,status
                         requests:   header request,consumer,provider,resource,purpose,submitted_at,replied_at,decision,reason,delivered_at,rating
                         objections: header objection,consumer,provider,resource,kind,submitted_at,resolved_at,outcome,note
                         (the ledgers: docs/ingest.md "Ledgers"; a request's later state may be in a later chunk, never twice in one)
  --url URL              the server, e.g. http://localhost:3000
  --token T              an API token with the kind's scope (metrics:write, events:write or ledger:write)
                         (or set SHARESCORE_TOKEN)
  --chunk-rows N         rows per chunk (default 5000, at most 50000)
  --concurrency N        chunks in flight at once (default 2)
  --retries N            retries per chunk on network errors, 5xx and 429 (default 6)

Exit codes: 0 every chunk stored (or already stored); 1 a chunk was rejected (its bad
rows are listed with their file row numbers) or could not be sent; 2 bad usage.
Example: npm run cli -- ingest examples/events.csv --kind events --url http://localhost:3000 --token ss_…`;

function intOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

const LISTED_ROWS = 100;

function report(s: UploadSummary): string {
  const lines = [
    `${s.rows} rows in ${s.chunks} chunks: ${s.stored} stored, ${s.replayed} already stored (replayed), ${s.rejected.length} rejected; ` +
      `${s.seconds.toFixed(1)} s, ${Math.round(s.rows / Math.max(s.seconds, 0.001))} rows/s`,
  ];
  let listed = 0;
  const total = s.rejected.reduce((n, r) => n + Math.max(1, r.errors.length), 0);
  for (const r of s.rejected) {
    lines.push(`chunk ${r.chunk}: HTTP ${r.status} ${r.error}: ${r.message}`);
    for (const e of r.errors) {
      if (listed++ >= LISTED_ROWS) break;
      lines.push(`  row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
    }
  }
  if (listed > LISTED_ROWS) lines.push(`  … ${total - LISTED_ROWS} more`);
  return lines.join('\n') + '\n';
}

const command: Command = {
  summary: 'upload a metrics, events, catalog, requests or objections CSV file in resumable chunks',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        kind: { type: 'string' },
        file: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        'chunk-rows': { type: 'string' },
        concurrency: { type: 'string' },
        retries: { type: 'string' },
      },
      true,
    );
    const files = [...positionals, ...(values.file === undefined ? [] : [values.file])];
    if (files.length !== 1) throw new UsageError('give exactly one FILE (or --file FILE)');
    const file = files[0];
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const kind = requireOption(values.kind, 'kind');
    if (!isIngestKind(kind)) throw new UsageError(`--kind must be one of ${INGEST_KINDS.join(', ')}, got "${kind}"`);
    const url = requireOption(values.url, 'url');
    if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must start with http:// or https://, got "${url}"`);
    const token = values.token ?? process.env.SHARESCORE_TOKEN;
    if (!token) throw new UsageError('missing required option --token (or SHARESCORE_TOKEN)');

    const bar = progressBar(`uploading ${kind}`, ' rows');
    let summary: UploadSummary;
    try {
      summary = await uploadFile({
        file,
        kind,
        url,
        token,
        chunkRows: intOption(values['chunk-rows'], 'chunk-rows', 5000, 1, 50_000),
        concurrency: intOption(values.concurrency, 'concurrency', 2, 1, 16),
        retries: intOption(values.retries, 'retries', 6, 0, 20),
        backoffMs: 500,
        onProgress: bar.update,
        onRetry: (attempt, reason, delay) => process.stderr.write(`\nretry ${attempt} in ${(delay / 1000).toFixed(1)} s: ${reason}\n`),
      });
    } catch (err) {
      bar.stop();
      if (err instanceof ChunkSendError) {
        process.stderr.write(`failed: a chunk could not be sent (${err.message}); run the same command again to resume\n`);
        return 1;
      }
      throw err;
    }
    bar.stop();
    process.stdout.write(report(summary));
    return summary.rejected.length ? 1 : 0;
  },
};
export default command;
