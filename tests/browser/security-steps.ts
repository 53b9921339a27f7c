// Issue #12 on the running production build: the security headers as served, a cross-site
// form post with the admin's cookie refused by proxy.ts, and no page of the whole run
// violating the Content-Security-Policy (run these last: the last step reads every page the
// suite visited).
import { assert, type Step } from './support/harness';
import { cookieHeader, DESKTOP, signIn } from './support/sign-in';
import type { SuiteContext } from './dashboard-steps';

export function securitySteps(ctx: SuiteContext, cspViolations: string[]): Step[] {
  return [
    {
      name: 'pages carry the CSP (frame-ancestors none, no nonce) and HSTS; /api/v1 answers are no-store; /api/health names no database to the signed-out',
      run: async () => {
        const { context, page } = await signIn(ctx.browser, ctx.url, 'admin', ctx.password, DESKTOP, undefined, ctx.totp);
        try {
          const rankings = await page.request.get(`${ctx.url}/rankings`);
          const csp = rankings.headers()['content-security-policy'] ?? '';
          assert(csp.includes("frame-ancestors 'none'") && csp.includes("script-src 'self'"), `page CSP: ${csp}`);
          assert(!/nonce-/.test(csp), `the CSP has a per-request nonce: ${csp}`);
          assert(/max-age=\d+/.test(rankings.headers()['strict-transport-security'] ?? ''), 'no HSTS on the page');
          const periods = await page.request.get(`${ctx.url}/api/v1/periods`);
          assert(periods.status() === 200, `/api/v1/periods answered ${periods.status()}`);
          assert(periods.headers()['cache-control'] === 'no-store', `/api/v1/periods Cache-Control: ${periods.headers()['cache-control']}`);
          const signedIn = await (await page.request.get(`${ctx.url}/api/health`)).json();
          assert(typeof signedIn.database === 'string', `signed-in health: ${JSON.stringify(signedIn)}`);
        } finally {
          await context.close();
        }
        const anonymous = await (await fetch(`${ctx.url}/api/health`)).json();
        assert(JSON.stringify(anonymous) === '{"ok":true,"migrations":"current"}', `anonymous health: ${JSON.stringify(anonymous)}`);
      },
    },
    {
      name: "a cross-site form post with the admin's cookie is refused (403), a same-origin form-typed one too (415)",
      run: async () => {
        const { context } = await signIn(ctx.browser, ctx.url, 'admin', ctx.password, DESKTOP, undefined, ctx.totp);
        try {
          const cookie = await cookieHeader(context);
          // A period that does not exist: should the proxy let it through, the handler says 404.
          const post = (headers: Record<string, string>) => fetch(`${ctx.url}/api/v1/periods/2020-01/publish`, { method: 'POST', headers: { cookie, ...headers }, body: '' });
          const crossSite = await post({ origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' });
          assert(crossSite.status === 403, `cross-site post answered ${crossSite.status}`);
          const formTyped = await post({ origin: ctx.url, 'content-type': 'text/plain' });
          assert(formTyped.status === 415, `same-origin text/plain post answered ${formTyped.status}`);
          const json = await post({ origin: ctx.url, 'content-type': 'application/json' });
          assert(json.status === 404, `same-origin JSON post answered ${json.status} (the handler should say 404)`);
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'no page of the whole run violated the Content-Security-Policy',
      run: async () => {
        assert(cspViolations.length === 0, `${cspViolations.length} CSP violations:\n${cspViolations.slice(0, 10).join('\n')}`);
      },
    },
  ];
}
