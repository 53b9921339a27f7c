// The engine is pure CPU: at 5,000 departments one period takes seconds (more on a busy
// machine), and on the server's own thread that stopped every other request of the process
// for as long — a page, an API call, /api/health — and made it drop keep-alive connections
// whose idle timer ran out meanwhile (clients saw "fetch failed": docs/performance.md). In a
// Next.js server a recompute runs after some response, next to requests being served, so
// there the engine runs on a worker thread; the CLI and the tests, which serve nobody while
// they wait, run it in place.
import { Worker } from 'node:worker_threads';
import { hashOf } from '../audit/chain';
import { scoreDepartments, type Scheme, type ScoringInput, type ScoringResult } from '../scoring';

export interface Scored {
  result: ScoringResult;
  inputHash: string;
}

/** Set in Next.js's server bundles (Cache Components on); absent in the CLI and tests. */
const serving = () => Boolean(process.env.__NEXT_USE_CACHE);

export function scoreOffThread(input: ScoringInput, scheme: Scheme): Promise<Scored> {
  if (!serving()) return Promise.resolve({ result: scoreDepartments(input, scheme), inputHash: hashOf(input) });
  return scoreOnWorker(input, scheme);
}

/** The engine on a worker thread (bundled by Next.js from this very expression). */
function scoreOnWorker(input: ScoringInput, scheme: Scheme): Promise<Scored> {
  return answerOf(new Worker(new URL('./engine-worker.ts', import.meta.url), { workerData: { input, scheme } }));
}

/** What a scoring worker answers; it is ended once it has. */
export function answerOf(worker: Worker): Promise<Scored> {
  return new Promise<Scored>((resolve, reject) => {
    worker.once('message', (scored: Scored) => {
      resolve(scored);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scoring worker exited with code ${code}`)));
  });
}
