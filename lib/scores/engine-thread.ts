// The engine is pure CPU: at 5,000 departments one period takes seconds (more on a busy
// machine), and on the server's own thread that stopped every other request of the process
// for as long — a page, an API call, /api/health — and made it drop keep-alive connections
// whose idle timer ran out meanwhile (clients saw "fetch failed": docs/performance.md). In a
// Next.js server a recompute runs after some response, next to requests being served, so
// there the engine runs on a worker thread, and builds the rows to store there too (the
// worker answers with strings: ./cache-rows.ts); the CLI and the tests, which serve nobody
// while they wait, run it in place.
import { Worker } from 'node:worker_threads';
import { scorePeriod, type ScoredPeriod, type ScoringJob } from './cache-rows';
import { inNext } from './shared-cache';

export function scoreOffThread(job: ScoringJob): Promise<ScoredPeriod> {
  if (!inNext()) return Promise.resolve(scorePeriod(job));
  // The engine on a worker thread (bundled by Next.js from this very expression).
  return answerOf(new Worker(new URL('./engine-worker.ts', import.meta.url), { workerData: job }));
}

/** What a scoring worker answers; it is ended once it has. */
export function answerOf(worker: Worker): Promise<ScoredPeriod> {
  return new Promise<ScoredPeriod>((resolve, reject) => {
    worker.once('message', (scored: ScoredPeriod) => {
      resolve(scored);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scoring worker exited with code ${code}`)));
  });
}
