// Collects every Content-Security-Policy violation Chromium reports in any page of the run:
// Chromium logs each one to the console ("Refused to execute inline script because it
// violates the following Content Security Policy directive: …").
import type { Browser } from 'playwright-core';

/** Makes every context of `browser` report CSP violations into the returned list. */
export function recordCspViolations(browser: Browser): string[] {
  const violations: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
    });
    return context;
  };
  return violations;
}
