// The engine on a worker thread gives exactly what it gives in place: the same rows to store
// and the same input hash (the server runs it there, the CLI and the tests in place).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../audit/chain';
import { workedInput, workedScheme } from '../scoring/test-support';
import type { ScoringJob } from './cache-rows';
import { answerOf, scoreOffThread } from './engine-thread';

describe('the engine off the serving thread', () => {
  it('scores and builds the rows on a worker thread exactly as in place', async () => {
    const scheme = workedScheme();
    const job: ScoringJob = { period: '2026-11', input: workedInput, scheme, schemeRef: { id: 3, version: 2, hash: 'h', name: scheme.name } };
    // engine-worker.ts as the server's bundle runs it; outside a build the worker loads TypeScript through tsx.
    const file = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));
    const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true, workerData: job });
    const onWorker = await answerOf(worker);
    expect(onWorker.inputHash).toBe(hashOf(workedInput));
    expect(onWorker.departments).toBe(workedInput.departments.length);
    expect(await scoreOffThread(job)).toEqual(onWorker); // in place here (no Next.js server)
  });
});
