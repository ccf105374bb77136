import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

/** The menus, pickers and buttons follow what GET /api/me says the user may do, board by board. */
describe('[POLICY] menus and buttons from the server’s board scope', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    const admin = await e.t.login('admin@stockholm.example');
    const [eav, ks] = await Promise.all([e.t.boardId('Enskede-Årsta-Vantör'), e.t.boardId('Kommunstyrelsen')]);
    for (const [email, roles] of [
      ['lc-ks@stockholm.example', [{ role: 'local_coordinator', boardId: eav }, { role: 'viewer', boardId: ks }]],
      ['revisor-eav@stockholm.example', [{ role: 'auditor', boardId: eav }]],
    ] as const) {
      const res = await admin.post('/api/users', { email, name: `Prov ${email}`, password: 'varna-demo-losenord', roles });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => e?.close());

  it("a local coordinator who also views the city board creates plans for its own board only, reads the city report, and picks no other board's police notes", async () => {
    const { ctx, page } = await loggedIn(e, 'lc-ks@stockholm.example');
    await page.goto(`${e.base}/planer`);
    await heading(page, 'Handlingsplaner');
    const board = page.getByLabel('Nämnd', { exact: true });
    await board.locator('option', { hasText: 'Enskede-Årsta-Vantör' }).waitFor({ state: 'attached' });
    expect(await board.locator('option').allInnerTexts()).toEqual(['Enskede-Årsta-Vantör']);
    await loaded(page);
    await expectAccessible(page);

    await menu(page).getByRole('link', { name: 'Rapporter', exact: true }).click();
    await heading(page, /^Samlad rapport \d{4}$/);

    // Counts of every board (the city board's viewer reads them), police notes of its own board only.
    await page.goto(`${e.base}/lagesbild`);
    await heading(page, 'Lägesbild');
    // The choices arrive with the boards list: wait for a third one rather than count too early.
    await page.getByLabel('Nämnd', { exact: true }).locator('option').nth(2).waitFor({ state: 'attached' });
    await page.goto(`${e.base}/lagesbild/anteckningar`);
    await heading(page, /Polisen och andra källor/);
    await loaded(page);
    expect(await page.getByLabel('Nämnd', { exact: true }).count()).toBe(0);
    await page.getByRole('heading', { name: /^Anteckningar \d{4} – Enskede-Årsta-Vantör$/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Ny anteckning' }).count()).toBe(1);
    await expectAccessible(page);
    await ctx.close();
  });

  it('an auditor granted for one board gets that board’s report, not the city report, and no plan form', async () => {
    const { ctx, page } = await loggedIn(e, 'revisor-eav@stockholm.example');
    await page.goto(`${e.base}/`);
    // The menu is drawn once GET /api/me has answered: wait for it before reading the links.
    await menu(page).getByRole('link', { name: 'Rapporter', exact: true }).waitFor();
    const links = await menu(page).getByRole('link').allInnerTexts();
    expect(links).toEqual(expect.arrayContaining(['Handlingsplaner', 'Rapporter']));
    expect(links).not.toContain('Användare');
    await menu(page).getByRole('link', { name: 'Rapporter', exact: true }).click();
    await heading(page, 'Rapporter');
    const reports = page.getByRole('link', { name: /^Öppna rapporten för/ });
    await reports.first().waitFor();
    expect(await reports.allInnerTexts()).toEqual(['Öppna rapporten för Enskede-Årsta-Vantör']);
    await expectAccessible(page);

    await page.goto(`${e.base}/planer`);
    await heading(page, 'Handlingsplaner');
    await loaded(page);
    expect(await page.getByRole('heading', { name: 'Skapa plan' }).count()).toBe(0);
    await ctx.close();
  });
});
