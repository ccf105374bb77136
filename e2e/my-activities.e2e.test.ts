import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp, level = 1) => page.getByRole('heading', { level, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await loaded(page);
};

/**
 * The unit manager's "Mina insatser" (issue #12) on the demo: Elin answers for two of EÅV's 2026
 * activities and has not reported their T2, whose deadline (15 September) has passed.
 */
describe('[FOLLOWUP] my activities: deadlines and missed reports', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('opens on the period due next, shows its deadline, flags the missed reports, and moves on once they are in', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/uppfoljning`);
    await heading(page, 'Uppföljning');
    await settle(page);
    await page.getByRole('link', { name: 'Mina insatser' }).click();
    await heading(page, 'Mina insatser');
    await settle(page);

    // The missed T2, not the annual report; its deadline in words, and the flags.
    await heading(page, 'Tertial 2 (maj–augusti) 2026', 2);
    await page.getByText('Sista dag var 15 september 2026', { exact: true }).waitFor();
    const missed = page.getByRole('region', { name: 'Försenad rapport' });
    expect(await missed.innerText()).toContain('Tertial 2 (maj–augusti) 2026: 2 insatser saknar rapport. Sista dag var 15 september 2026.');
    const cards = page.locator('.fu-card');
    await expect.poll(() => cards.count()).toBe(2);
    for (const card of await cards.all()) expect(await card.innerText()).toContain('Försenad rapport');
    await expectAccessible(page);

    // The first report: the training coverage is filled in from Värna, with where it comes from.
    await cards.first().getByRole('link', { name: /Rapportera Tertial 2 \(maj–augusti\) 2026/ }).click();
    await heading(page, /Rapportera uppföljning: Webbaserad grundutbildning/);
    await settle(page);
    const coverage = page.getByLabel(/Andel medarbetare som genomfört grundutbildningen/);
    expect(await coverage.inputValue()).toMatch(/^\d+(,\d)?$/);
    const described = await coverage.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('Ifyllt från Värna. Hämtat från Värnas utbildningsuppföljning:');
    await expectAccessible(page);
    await page.getByLabel('Status').selectOption('ongoing');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expectStatus(page, 'Rapporten för Tertial 2 (maj–augusti) 2026 är sparad.');

    // One still missing.
    await page.getByRole('link', { name: 'Mina insatser' }).first().click();
    await heading(page, 'Mina insatser');
    await settle(page);
    await page.getByText('Tertial 2 (maj–augusti) 2026: 1 insats saknar rapport. Sista dag var 15 september 2026.').waitFor();

    // The second one, by keyboard from the missed list's link.
    await page.goto(`${e.base}/uppfoljning/mina`);
    await heading(page, 'Mina insatser');
    await settle(page);
    const remaining = page.locator('.fu-card').filter({ hasText: 'Försenad rapport' });
    await expect.poll(() => remaining.count()).toBe(1);
    await remaining.getByRole('link', { name: /Rapportera Tertial 2/ }).focus();
    await page.keyboard.press('Enter');
    await heading(page, /Rapportera uppföljning:/);
    await settle(page);
    await page.getByLabel('Status').selectOption('ongoing');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expectStatus(page, 'Rapporten för Tertial 2 (maj–augusti) 2026 är sparad.');

    // Nothing missed: the page opens on the annual report, due 31 January next year.
    await page.goto(`${e.base}/uppfoljning/mina`);
    await heading(page, 'Mina insatser');
    await settle(page);
    await heading(page, 'Verksamhetsberättelse (helår) 2026', 2);
    await page.getByText('Sista dag: 31 januari 2027', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Försenad rapport' }).count()).toBe(0);
    expect(await page.locator('.fu-card').filter({ hasText: 'Försenad rapport' }).count()).toBe(0);
    await expectAccessible(page);
    await ctx.close();
  });

  it('the central coordinator sets a period’s deadline and the default days on the periods page', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/uppfoljning/perioder?year=2026`);
    await heading(page, 'Uppföljningsperioder');
    await settle(page);
    await expectAccessible(page);
    const t1 = page.getByRole('group', { name: /Tertial 1 \(januari–april\) 2026/ });
    await t1.getByLabel('Sista dag för rapporterna (ÅÅÅÅ-MM-DD)').fill('2026-05-31');
    await t1.getByRole('button', { name: /Spara datum/ }).click();
    await expectStatus(page, 'Datumen för Tertial 1 (januari–april) 2026 är sparade.');
    await page.getByText('Sista dag: 31 maj 2026.').waitFor();

    const defaults = page.getByRole('group', { name: 'Standarddagar (MM-DD)' });
    await defaults.getByLabel('Verksamhetsberättelse (helår) (MM-DD)').fill('02-29');
    await defaults.getByRole('button', { name: 'Spara standarddagar' }).click();
    await page.getByRole('alert').getByRole('link', { name: /Dagen finns inte i månad 02/ }).waitFor();
    await expectAccessible(page);
    await defaults.getByLabel('Verksamhetsberättelse (helår) (MM-DD)').fill('02-15');
    await defaults.getByRole('button', { name: 'Spara standarddagar' }).click();
    await expectStatus(page, 'Standarddagarna är sparade.');
    await page.getByText(/Sista dag: 15 februari 2027 \(standard för perioden\)/).waitFor();
    const entry = await e.t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'followup.deadlines.update').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry.summary).toEqual({ from: { VB: '01-31' }, to: { VB: '02-15' } });
    await ctx.close();
  });
});
