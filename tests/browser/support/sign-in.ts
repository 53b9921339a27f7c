// Signs a user in through the login page in a new browser context.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 900 };
export const TABLET = { width: 820, height: 1180 };

/** `landing`: where to go after signing in (default: the home page, which picks by role). */
export async function signIn(browser: Browser, url: string, username: string, password: string, viewport = DESKTOP, landing?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${url}/login${landing ? `?callbackUrl=${encodeURIComponent(landing)}` : ''}`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 60_000 }), page.click('[data-testid=login-submit]')]);
  await page.waitForSelector('[data-testid=signed-in-user]');
  return { context, page };
}

/** The context's cookies as one Cookie header, to replay the session from another client. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
