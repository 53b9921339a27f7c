// The session cookie's decode, next-auth's against ours (lib/auth/session-token.ts), interleaved
// in one run: next-auth derives the HKDF key on every call, ours derives it once per secret.
//
//   npx tsx scripts/bench/session-decode.ts [--calls 2000]
import { parseArgs } from 'node:util';
import { decode, encode } from 'next-auth/jwt';
import { decodeSession } from '../../lib/auth/session-token.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '2000' } } });
const calls = Number(values.calls);
const secret = 'bench-secret-0123456789abcdef0123456789';
const token = await encode({ token: { uid: 1, sub: '1', name: 'bench', role: 'leader' }, secret, maxAge: 1800 });

const timings = { nextAuth: [] as number[], ours: [] as number[] };
for (let i = 0; i < calls + 500; i++) {
  let t = performance.now();
  await decode({ token, secret });
  const a = performance.now() - t;
  t = performance.now();
  await decodeSession(token, secret);
  const b = performance.now() - t;
  if (i >= 500) {
    timings.nextAuth.push(a);
    timings.ours.push(b);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] * 1000;
const [n, o] = [median(timings.nextAuth), median(timings.ours)];
console.log(`decode, median of ${calls}: next-auth ${n.toFixed(0)} µs, ours ${o.toFixed(0)} µs (${(n / o).toFixed(1)}×)`);
