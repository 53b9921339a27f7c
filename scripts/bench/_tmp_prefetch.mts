import { launchChromium } from '../../tests/browser/support/chromium.ts';
import { startNext } from '../../tests/browser/support/demo-server.ts';
import { DESKTOP, signIn } from '../../tests/browser/support/sign-in.ts';
const server = await startNext(process.env);
try {
  const browser = await launchChromium();
  const { page } = await signIn(browser, server.url, 'leader', process.argv[2], DESKTOP, '/me');
  const seen: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith(server.url)) seen.push(`${r.method()} ${r.url().replace(server.url, '')} ${r.headers()['next-router-prefetch'] ? 'PREFETCH' : ''}`); });
  await page.goto(server.url + '/rankings', { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  console.log(seen.filter((s) => !s.includes('/_next/static')).join('\n'));
  await browser.close();
} finally { await server.stop(); }
