// One recompute's engine and rows, on a worker thread (engine-thread.ts says why).
import { parentPort, workerData } from 'node:worker_threads';
import { scorePeriod, type ScoringJob } from './cache-rows';

parentPort!.postMessage(scorePeriod(workerData as ScoringJob));
