// Signs a user in through the login page in a new browser context.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { nextTotpCode } from './totp.ts';

export const DESKTOP = { width: 1280, height: 900 };
export const TABLET = { width: 820, height: 1180 };

/**
 * Fills in the login form already open in `page` and submits it; with `totpSecret`, answers
 * the code the form then asks for as an authenticator app would. Returns once signed in.
 */
export async function submitLogin(page: Page, username: string, password: string, totpSecret?: string): Promise<void> {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  const signedIn = () => page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 60_000 });
  if (totpSecret) {
    await page.click('[data-testid=login-submit]');
    await page.locator('[data-testid=login-totp]').fill(await nextTotpCode(totpSecret), { timeout: 60_000 });
  }
  await Promise.all([signedIn(), page.click('[data-testid=login-submit]')]);
  await page.waitForSelector('[data-testid=signed-in-user]');
}

/** `landing`: where to go after signing in (default: the home page, which picks by role). `totp`: username → TOTP secret of the accounts that need a code. */
export async function signIn(browser: Browser, url: string, username: string, password: string, viewport = DESKTOP, landing?: string, totp: Record<string, string> = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${url}/login${landing ? `?callbackUrl=${encodeURIComponent(landing)}` : ''}`);
  await submitLogin(page, username, password, totp[username]);
  return { context, page };
}

/** The context's cookies as one Cookie header, to replay the session from another client. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
