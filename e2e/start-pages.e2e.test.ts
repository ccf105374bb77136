import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

describe('[START] start pages per role and the menu', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the central coordinator sees one row per board, each figure a link to its details, and the menu on one line at 1366 px – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${e.base}/`);
    const table = page.getByRole('table', { name: /^Nämndernas läge/ });
    await table.waitFor();
    await loaded(page);
    const boards = (await (await ctx.request.get(`${e.base}/api/boards`)).json()) as { id: string; name: string }[];
    for (const b of boards) await table.getByRole('row', { name: new RegExp(b.name) }).first().waitFor();
    const eav = boards.find((b) => b.name === 'Enskede-Årsta-Vantör')!;
    const row = table.getByRole('row', { name: /Enskede-Årsta-Vantör/ });
    // Plan, delayed activities, training and concern counts lead to their pages; the concern list is filtered by the board.
    expect(await row.locator('a[href^="/planer/"]').count()).toBe(1);
    expect(await row.locator(`a[href="/rapporter/namnd/${eav.id}"]`).count()).toBe(1);
    expect(await row.locator(`a[href="/utbildning/namnd/${eav.id}"]`).count()).toBe(2);
    expect(await row.locator(`a[href="/lagesbild/rapporter?namnd=${eav.id}"]`).count()).toBe(5);
    await expectAccessible(page);

    // The menu bar is one line: every entry's top edge is the first's.
    const tops = await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(5);
    expect(new Set(tops).size).toBe(1);
    // The wide table scrolls in its own region; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

    // Account, log and help are in the menu beside the name, opened and closed by keyboard.
    const userButton = page.getByRole('button', { name: /Cecilia Central/ });
    await userButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => userButton.getAttribute('aria-expanded')).toBe('true');
    const header = page.getByRole('banner');
    await header.getByRole('link', { name: 'Logg' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => userButton.getAttribute('aria-expanded')).toBe('false');
    expect(await header.getByRole('link', { name: 'Logg' }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Cecilia Central');

    // A concern count opens the list of that board's reports.
    await row.locator(`a[href="/lagesbild/rapporter?namnd=${eav.id}"]`).last().click();
    await page.waitForURL(/\/lagesbild\/rapporter\?namnd=/);
    await page.locator('h1').first().waitFor();
    await ctx.close();
  });

  it('the board table’s and the menu’s links open their pages in the app on a click or Enter; a click with Ctrl opens a new tab and leaves the page as it is', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/`);
    const table = page.getByRole('table', { name: /^Nämndernas läge/ });
    await table.waitFor();
    await loaded(page);
    // A mark on the window: a full reload would lose it, a navigation in the app keeps it.
    await page.evaluate(() => Object.assign(window, { e2eSamePage: true }));
    const samePage = () => page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage === true);
    const planLink = table.getByRole('row', { name: /Enskede-Årsta-Vantör/ }).locator('a[href^="/planer/"]');
    const href = (await planLink.getAttribute('href'))!;

    // Ctrl+click is the browser's: a new tab with the plan, this page unchanged.
    const tab = ctx.waitForEvent('page');
    await planLink.click({ modifiers: ['Control'] });
    const opened = await tab;
    await opened.waitForURL(`${e.base}${href}`);
    await opened.close();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await samePage()).toBe(true);

    // A plain click opens the plan in the app, without loading the page again; Back returns to the table.
    await planLink.click();
    await page.waitForURL(`${e.base}${href}`);
    await page.locator('h1').first().waitFor();
    expect(await samePage()).toBe(true);
    await page.goBack();
    await table.waitFor();

    // By keyboard: Enter on a figure's link, and on a menu entry (marked as the current page once there).
    await loaded(page);
    const reportLink = table.getByRole('row', { name: /Enskede-Årsta-Vantör/ }).locator('a[href^="/rapporter/namnd/"]');
    await reportLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rapporter\/namnd\//);
    expect(await samePage()).toBe(true);
    // The new page's heading takes focus once it renders (for screen readers); Enter on the menu
    // only means something after that, as it does for a user who sees the page.
    await loaded(page);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent?.includes('Enskede-Årsta-Vantör'));
    const menuEntry = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Handlingsplaner', exact: true });
    expect(await menuEntry.getAttribute('aria-current')).toBeNull();
    await menuEntry.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${e.base}/planer`);
    expect(await samePage()).toBe(true);
    expect(await menuEntry.getAttribute('aria-current')).toBe('page');
    await ctx.close();
  });

  it('on a phone the wide board table scrolls in its own region, named by its caption and reached by Tab', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e.base}/`);
    await page.getByRole('table', { name: /^Nämndernas läge/ }).waitFor();
    await loaded(page);
    // The resize observer marks the box once it has its size: no measuring on every change of the page.
    const region = page.getByRole('region', { name: /^Nämndernas läge/ });
    await region.waitFor();
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 80 && !(await region.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await ctx.close();
  });

  it('the unit manager’s start page lists his unreported activities with links to report them – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/`);
    const todo = page.getByRole('region', { name: 'Att göra' });
    await todo.waitFor();
    await loaded(page);
    const links = todo.locator('a[href*="/uppfoljning/insatser/"]');
    await links.first().waitFor();
    expect(await links.count()).toBeGreaterThan(0);
    expect(await todo.innerText()).toMatch(/senast \d+ \w+ \d{4}|perioden stänger \d+ \w+ \d{4}|ingen sista dag satt/);
    // No board table for a contributor: that is for those who read several boards' figures.
    expect(await page.getByRole('table', { name: /^Nämndernas läge/ }).count()).toBe(0);
    await expectAccessible(page);
    await links.first().click();
    await page.waitForURL(/\/uppfoljning\/insatser\//);
    await page.locator('h1').first().waitFor();
    await ctx.close();
  });

  it('the local coordinator’s to-do names the board’s plan and follow-up, and her row of the table – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/`);
    const todo = page.getByRole('region', { name: 'Att göra' });
    await todo.getByRole('heading', { name: 'Enskede-Årsta-Vantör' }).waitFor();
    await loaded(page);
    expect(await todo.getByRole('link').count()).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: /^Nämndernas läge/ });
    expect(await table.getByRole('row').count()).toBe(2);
    await expectAccessible(page);
    await ctx.close();
  });

  it('the board member reads the board’s plan, report and decisions in words, with no action buttons – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'politiker@stockholm.example');
    await page.goto(`${e.base}/`);
    const member = page.getByRole('region', { name: 'Kommunstyrelsen' });
    await member.waitFor();
    await loaded(page);
    await member.getByRole('heading', { name: /^Handlingsplanen \d{4}$/ }).waitFor();
    await member.getByRole('heading', { name: 'Senaste rapporten' }).waitFor();
    await member.getByRole('link', { name: /^Läs nämndens rapport/ }).waitFor();
    expect(await member.getByRole('button').count()).toBe(0);
    await expectAccessible(page);
    await ctx.close();
  });

  it('on a phone the menu is behind a button that opens and closes by keyboard and Escape, its links reachable – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e.base}/`);
    const button = page.getByRole('button', { name: 'Meny' });
    await button.waitFor();
    await loaded(page);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await expectAccessible(page);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Uppföljning' }).waitFor();
    // Tab reaches the menu's links; the user's own pages are in it too on a phone.
    const inMenu = () => page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label') === 'Huvudmeny');
    for (let i = 0; i < 5 && !(await inMenu()); i++) await page.keyboard.press('Tab');
    expect(await inMenu()).toBe(true);
    await nav.getByRole('link', { name: 'Mitt konto' }).waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Meny');

    // Choosing a page closes the menu.
    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Uppföljning' }).click();
    await page.waitForURL(/\/uppfoljning$/);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await ctx.close();
  });
});
