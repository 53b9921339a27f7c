// The scoring engine for one recompute, on a worker thread (engine-thread.ts says why).
import { parentPort, workerData } from 'node:worker_threads';
import { hashOf } from '../audit/chain';
import { scoreDepartments, type Scheme, type ScoringInput } from '../scoring';

const { input, scheme } = workerData as { input: ScoringInput; scheme: Scheme };
parentPort!.postMessage({ result: scoreDepartments(input, scheme), inputHash: hashOf(input) });
