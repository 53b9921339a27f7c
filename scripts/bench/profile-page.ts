// Where a page's server time goes: starts `next start` with V8's CPU profiler against
// the database in DATABASE_URL, signs a user in, requests the page N times one after
// another (after a warm-up), stops the server and prints the heaviest functions by self
// time. The .cpuprofile it leaves opens in Chrome DevTools for the full picture.
//
//   DATABASE_URL=postgres://…/db npx tsx scripts/bench/profile-page.ts --user leader --password P \
//     [--path /rankings] [--requests 200] [--out .data/profiles]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { startNext } from '../../tests/browser/support/demo-server.ts';
import { cookieHeader, DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), heaviest first. */
export function selfTimes(profile: CpuProfile): Array<{ name: string; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\.next\//, '.next/')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

async function main() {
  const { values } = parseArgs({
    options: {
      user: { type: 'string', default: 'leader' },
      password: { type: 'string' },
      path: { type: 'string', default: '/rankings' },
      requests: { type: 'string', default: '200' },
      out: { type: 'string', default: '.data/profiles' },
    },
  });
  if (!values.password || !process.env.DATABASE_URL) throw new Error('needs DATABASE_URL and --password');
  const out = path.resolve(values.out!);
  fs.mkdirSync(out, { recursive: true });
  const before = new Set(fs.readdirSync(out));
  const server = await startNext(process.env, 120_000, ['--cpu-prof', `--cpu-prof-dir=${out}`]);
  let elapsed = 0;
  const n = Number(values.requests);
  try {
    const browser = await launchChromium();
    const { context } = await signIn(browser, server.url, values.user!, values.password, DESKTOP, '/me');
    const cookie = await cookieHeader(context);
    await browser.close();
    const get = async () => {
      const res = await fetch(`${server.url}${values.path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${values.path}: HTTP ${res.status}`);
      return (await res.text()).length;
    };
    for (let i = 0; i < 20; i++) await get();
    const started = performance.now();
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes = await get();
    elapsed = performance.now() - started;
    console.log(`${values.path}: ${n} sequential requests, ${(elapsed / n).toFixed(1)} ms each, ${(bytes / 1024).toFixed(0)} KB of HTML`);
  } finally {
    await server.stop();
  }
  // `next start` forks the server: the profile that saw the requests is the largest new one.
  const written = fs
    .readdirSync(out)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => path.join(out, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  if (!written.length) throw new Error('no profile was written');
  const profile = JSON.parse(fs.readFileSync(written[0], 'utf8')) as CpuProfile;
  console.log(`profile: ${written[0]}`);
  for (const { name, ms } of selfTimes(profile).slice(0, 40)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

await main();
