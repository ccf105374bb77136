import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await loaded(page);
};
const EAV = 'Enskede-Årsta-Vantör';

describe('[PUBLIC HUB] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('a resident on a phone finds where to turn from the login page, by keyboard alone, and opens the board’s decided plan', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/logga-in`);
    await settle(page);
    await page.getByRole('link', { name: /Orolig för att någon dras in/ }).click();
    await heading(page, 'Orolig för någon?');
    await settle(page);
    // 112 and 114 14 first, as links that call.
    const emergency = page.getByRole('region', { name: 'Vid akut fara' });
    expect(await emergency.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:112', 'tel:11414']);
    await expectAccessible(page);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Tab to the board's link and follow it with Enter.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.textContent)) === EAV;
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await heading(page, EAV);
    await settle(page);
    await page.getByRole('heading', { level: 2, name: 'Kontakt' }).waitFor();
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The decided plans are there as PDF, fetched without any session.
    const plans = page.getByRole('region', { name: 'Nämndens handlingsplan' }).getByRole('link');
    expect(await plans.count()).toBeGreaterThan(0);
    const href = (await plans.first().getAttribute('href'))!;
    const pdf = await ctx.request.get(`${e.base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await ctx.close();
  });

  it('the local coordinator logs a helpline call: the guard holds a phone number back, then the call counts in the year’s table', async () => {
    const { ctx, page } = await loggedIn(e, 'skarholmen@stockholm.example');
    await page.goto(`${e.base}/`);
    await settle(page);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stöd och kunskap' }).click();
    await heading(page, 'Stöd och kunskap');
    await settle(page);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Lotsfunktionen' }).click();
    await heading(page, 'Lotsfunktionen');
    await settle(page);
    const summary = page.getByRole('table', { name: 'Antal samtal per nämnd' });
    const before = Number(await summary.getByRole('row', { name: /Skärholmen/ }).getByRole('cell').first().innerText());

    await page.getByRole('button', { name: 'Logga samtalet' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await alert.getByRole('link').count()).toBe(3);
    await expectAccessible(page);

    await page.getByLabel('Vem hörde av sig?').selectOption({ label: 'Anhörig' });
    await page.getByLabel('Ämne').selectOption({ label: 'Oro för person' });
    await page.getByLabel('Miljö').selectOption({ label: 'Autonoma miljön' });
    await page.getByLabel('Kort anteckning (valfritt)').fill('Mamman vill bli uppringd på 070-123 45 67.');
    await page.getByRole('button', { name: 'Logga samtalet' }).click();
    await alert.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    await page.getByLabel('Kort anteckning (valfritt)').fill('Anhörig orolig efter samtal med skolan.');
    await page.getByRole('button', { name: 'Logga samtalet' }).click();
    await expectStatus(page, 'Samtalet är loggat.');
    await expect.poll(async () => Number(await summary.getByRole('row', { name: /Skärholmen/ }).getByRole('cell').first().innerText())).toBe(before + 1);
    // The stored note is the clean one; the phone number never reached the log.
    expect(await page.getByRole('table', { name: 'Loggade samtal' }).innerText()).not.toContain('070-123');
    await expectAccessible(page);
    await ctx.close();
  });

  it('staff search the library in Swedish and find a document by an inflected word; the coordinators’ material stays hidden', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/kunskapsbank`);
    await heading(page, 'Kunskapsbank');
    await settle(page);
    const all = await page.getByRole('heading', { level: 3 }).count();
    await page.getByRole('searchbox', { name: 'Sök' }).fill('symbolerna');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('sok=symbolerna');
    await page.getByRole('heading', { level: 2, name: /dokument/ }).waitFor();
    const hits = await page.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(all);
    expect(hits.join(' ')).toMatch(/symbol/i);
    expect(await page.getByText('Endast samordnare').count()).toBe(0);
    await expectAccessible(page);

    await page.goto(`${e.base}/samordnare`);
    await heading(page, 'Samordnare');
    await settle(page);
    await page.getByRole('link', { name: 'eav@stockholm.example' }).waitFor();
    await expectAccessible(page);

    // Other boards' decided plans, to learn from: Rinkeby-Kista's, read by a unit manager of Enskede-Årsta-Vantör.
    await page.goto(`${e.base}/stod-och-kunskap`);
    await settle(page);
    await page.getByRole('link', { name: 'Nämndernas handlingsplaner' }).click();
    await heading(page, 'Nämndernas handlingsplaner');
    await settle(page);
    const link = page.getByRole('link', { name: /Handlingsplan \d{4} – Rinkeby-Kista/ }).first();
    const pdf = await ctx.request.get(`${e.base}${await link.getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expectAccessible(page);
    await ctx.close();
  });

  it('the central coordinator posts news that the local coordinators see on their start page', async () => {
    const central = await loggedIn(e, 'central@stockholm.example');
    await central.page.goto(`${e.base}/nyheter`);
    await heading(central.page, 'Nyheter');
    await settle(central.page);
    await central.page.getByLabel('Rubrik').fill('Nytt nyhetsbrev om samverkan med civilsamhället');
    await central.page.getByLabel('Text').fill('Nyhetsbrevet för kvartalet finns i kunskapsbanken.');
    await central.page.getByRole('button', { name: 'Publicera' }).click();
    await expectStatus(central.page, 'Nyheten är publicerad.');
    await expectAccessible(central.page);
    await central.ctx.close();

    const local = await loggedIn(e, 'eav@stockholm.example');
    await local.page.goto(`${e.base}/`);
    await settle(local.page);
    const panel = local.page.getByRole('region', { name: 'Nyheter från central samordning' });
    await panel.getByRole('heading', { name: 'Nytt nyhetsbrev om samverkan med civilsamhället' }).waitFor();
    await expectAccessible(local.page);
    await local.ctx.close();
  });
});
