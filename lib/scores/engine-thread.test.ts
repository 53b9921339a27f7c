// The engine on a worker thread gives exactly what it gives in place: the same result and
// the same input hash (the server runs it there, the CLI and the tests in place).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../audit/chain';
import { scoreDepartments } from '../scoring';
import { workedInput, workedScheme } from '../scoring/test-support';
import { answerOf, scoreOffThread } from './engine-thread';

describe('the engine off the serving thread', () => {
  it('scores on a worker thread exactly as in place', async () => {
    const scheme = workedScheme();
    // engine-worker.ts as the server's bundle runs it; outside a build the worker loads TypeScript through tsx.
    const file = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));
    const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true, workerData: { input: workedInput, scheme } });
    const onWorker = await answerOf(worker);
    expect(onWorker.inputHash).toBe(hashOf(workedInput));
    expect(onWorker.result).toEqual(scoreDepartments(workedInput, scheme));
    expect(await scoreOffThread(workedInput, scheme)).toEqual(onWorker); // in place here (no Next.js server)
  });
});
