import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import type { Config } from '../src/config.js';
import { startTestApp, type TestApp } from '../test/helpers/app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  t: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Värna listening on a free port (PGlite, demo data, the built web app) and a headless Chromium. */
export async function startE2E(overrides: Partial<Config> = {}): Promise<E2E> {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm run build` (npm test does)');
  const t = await startTestApp('pglite', overrides);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    t,
    base,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** A browser context already logged in through the API (faster than the form; the form has its own test). */
export async function loggedIn(e: E2E, email: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await e.browser.newContext();
  const res = await ctx.request.post(`${e.base}/api/session`, { data: { email, password: 'varna-demo-losenord' } });
  expect(res.status()).toBe(200);
  return { ctx, page: await ctx.newPage() };
}

/** WCAG 2.1 A/AA with axe-core; returns violations as readable strings so a failure says what is wrong. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/**
 * Waits for a status message (role=status) containing `text`. Pages show a "Laddar …" status while
 * they reload after an action, so reading the first status at once would race it.
 */
export async function expectStatus(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

/**
 * Waits until the page shows no "Laddar …" status. A page renders that status from its first render
 * until its queries answer, so once the page's own heading is there this means its data is too
 * (content that loads without that status, such as a query waiting for another's answer, needs a
 * wait of its own). waitForLoadState('networkidle') cannot tell: it is reached once per document,
 * so after a client-side navigation, an action or a language switch it returns at once.
 */
export async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}
