// Server CPU per request, page against page: starts `next start` on DATABASE_URL, signs
// a user in, then requests the given paths in turn (round-robin, one at a time, after
// 30 warm-up rounds) and reads the server's CPU time (all its threads, from
// /proc/<pid>/task/*/schedstat) around each request. CPU time is far steadier than
// latency on a shared machine, and interleaving spreads any noise over every path alike.
//
//   DATABASE_URL=postgres://…/db npx tsx scripts/bench/page-cpu.ts --password P \
//     [--user leader] [--rounds 300] /api/health /me /rankings '/rankings?n={n}'
//
// `{n}` in a path becomes the round number, so that URL is new every time: a view nobody
// has asked for. A path written `second:/rankings?n={n}` is requested once unmeasured and then
// measured (a view someone else has seen, e.g. `second:/rankings` as another user would be);
// one written `etag:/rankings` sends the ETag of the previous answer in If-None-Match (a
// repeat view). The last column counts the response statuses.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { startNext } from '../../tests/browser/support/demo-server.ts';
import { FRESH, REPEAT } from './request-modes.ts';
import { cookieHeader, DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';

const WARM_UP = 30;
const SECOND = 'second:';

/** A path's mode (its prefix) and the URL to request this round. */
function requestOf(path: string, round: number): [string, string] {
  const mode = [REPEAT, SECOND].find((m) => path.startsWith(m)) ?? '';
  return [mode, path.slice(mode.length).replace(FRESH, String(round))];
}

function serverPid(port: string): string {
  const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString();
  const pid = /pid=(\d+)/.exec(line)?.[1];
  if (!pid) throw new Error(`no process listens on port ${port}`);
  return pid;
}

/** CPU milliseconds the process has used so far, over all its threads. */
function cpuMs(pid: string): number {
  let ns = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return ns / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { user: { type: 'string', default: 'leader' }, password: { type: 'string' }, rounds: { type: 'string', default: '300' } },
  });
  if (!values.password || !process.env.DATABASE_URL || positionals.length === 0) throw new Error('needs DATABASE_URL, --password and at least one path');
  const server = await startNext(process.env);
  try {
    const pid = serverPid(new URL(server.url).port);
    const browser = await launchChromium();
    const { context } = await signIn(browser, server.url, values.user!, values.password, DESKTOP, '/me');
    const cookie = await cookieHeader(context);
    await browser.close();
    const stats = new Map(positionals.map((p) => [p, { cpu: [] as number[], wall: [] as number[], bytes: 0, etag: '', states: new Map<string, number>() }]));
    for (let round = 0; round < Number(values.rounds) + WARM_UP; round++) {
      for (const [path, s] of stats) {
        const [mode, url] = requestOf(path, round);
        const headers: Record<string, string> = { cookie, 'accept-encoding': 'identity', ...(mode === REPEAT && s.etag ? { 'if-none-match': s.etag } : {}) };
        if (mode === SECOND) {
          await (await fetch(server.url + url, { headers })).text();
          await new Promise((r) => setTimeout(r, 2));
        }
        const cpu0 = cpuMs(pid);
        const t0 = performance.now();
        const res = await fetch(server.url + url, { headers });
        s.bytes = (await res.text()).length;
        const state = String(res.status);
        s.etag = res.headers.get('etag') ?? s.etag;
        if (!res.ok && res.status !== 304) throw new Error(`${path}: HTTP ${res.status}`);
        await new Promise((r) => setTimeout(r, 2)); // the server may still be finishing after the last byte
        if (round >= WARM_UP) {
          s.cpu.push(cpuMs(pid) - cpu0);
          s.wall.push(performance.now() - t0);
          s.states.set(state, (s.states.get(state) ?? 0) + 1);
        }
      }
    }
    const first = median(stats.get(positionals[0])!.cpu);
    console.log(`| path | server CPU ms (median) | ÷ ${positionals[0]} | latency ms (median) | KB | statuses |`);
    console.log('|---|---:|---:|---:|---:|---|');
    for (const [path, s] of stats) {
      console.log(`| ${path} | ${median(s.cpu).toFixed(2)} | ${(median(s.cpu) / first).toFixed(2)} | ${median(s.wall).toFixed(2)} | ${(s.bytes / 1024).toFixed(0)} | ${[...s.states].map(([k, n]) => `${k} ${n}`).join(', ')} |`);
    }
  } finally {
    await server.stop();
  }
}

await main();
