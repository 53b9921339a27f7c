import { randomUUID } from 'node:crypto';
import { openPg } from '../../db/drivers/pg.ts';
import { createToken } from '../../lib/auth/tokens.ts';
import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { startNext } from '../../tests/browser/support/demo-server.ts';
import { cookieHeader, DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';
const url = process.env.DATABASE_URL!;
const server = await startNext(process.env, 120_000, (process.env.NODE_ARGS ?? '').split(' ').filter(Boolean));
try {
  const browser = await launchChromium();
  const { context } = await signIn(browser, server.url, 'leader', 'Ss-Htx0FB9yW1zx7', DESKTOP, '/me');
  const cookie = await cookieHeader(context);
  await browser.close();
  const database = openPg(url, 'pg', 1);
  const { secret } = await createToken(database, { name: `tl-${randomUUID().slice(0, 8)}`, scopes: ['events:write'] }, 'bench');
  const codes = (await database.query<{ code: string }>('select code from departments order by code limit 200')).map((r) => r.code);
  const [{ day }] = await database.query<{ day: string }>(`select max(day)::text as day from sharing_events`);
  await database.close();
  const view = async () => { const t = performance.now(); const r = await fetch(`${server.url}/rankings`, { headers: { cookie } }); const h = await r.text(); return [performance.now() - t, h.includes('data-testid="scores-updating"')] as const; };
  for (let i = 0; i < 20; i++) await view();
  const base: number[] = []; for (let i = 0; i < 30; i++) base.push((await view())[0]);
  base.sort((a, b) => a - b); console.log('baseline median', base[15].toFixed(0), 'p90', base[27].toFixed(0));
  for (let b = 0; b < Number(process.env.BATCHES ?? 2); b++) {
    const tag = `tl-${Date.now()}`;
    const lines = ['date,provider,consumer,resource,calls,records,failures'];
    for (let i = 0; i < 25000; i++) lines.push(`${day},${codes[i % codes.length]},${codes[(i + 7) % codes.length]},${tag}-${i},${3 + (i % 50)},${i % 100},${i % 3}`);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${secret}`, 'idempotency-key': tag }, body: lines.join('\n') + '\n' });
    await res.text();
    const t1 = performance.now();
    const out: string[] = [];
    for (;;) { const since = performance.now() - t1; const [ms, upd] = await view(); out.push(`${since.toFixed(0)}:${ms.toFixed(0)}${upd ? '' : '*'}`); if (!upd && since > 1000) break; if (since > 60000) break; }
    console.log(`batch ${b}: write ${(t1 - t0).toFixed(0)} ms; since→latency:`, out.join(' '));
  }
} finally { await server.stop(); }
