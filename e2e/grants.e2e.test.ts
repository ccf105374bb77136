import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await loaded(page);
};

describe('[GRANTS] browser', () => {
  let e: E2E;
  let applicationUrl = '';
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('a local coordinator registers an application for a grant, after an error summary naming the missing fields', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/samverkan/bidrag`);
    await heading(page, 'Bidrag och lokaler');
    await settle(page);
    await expectAccessible(page);

    const form = page.getByRole('form', { name: 'Registrera ansökan' });
    await form.getByRole('button', { name: 'Registrera ansökan' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Ange organisationens namn.', 'Beskriv vad bidraget eller lokalen ska användas till.']);
    await expectAccessible(page);

    await page.getByLabel('Organisationens namn').fill('Föreningen Ungdomskraft');
    await page.getByLabel('Lokal', { exact: true }).check();
    await page.getByLabel('Bidrag', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Belopp i kronor (valfritt)').fill('25 000');
    await page.getByLabel('Vad ska bidraget eller lokalen användas till?').fill('Läxhjälp och idrott för unga på kvällstid i Farsta.');
    await form.getByRole('button', { name: 'Registrera ansökan' }).click();
    await heading(page, /Föreningen Ungdomskraft: bidrag/);
    await settle(page);
    applicationUrl = page.url();
    expect(await page.locator('.grants-facts').innerText()).toContain('25\u00a0000 kr');
    await page.getByRole('heading', { level: 2, name: 'Pröva ansökan' }).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grant-new.png', fullPage: true });
    await ctx.close();
  });

  it('vets it: an approval with a criterion not met is refused in the error summary; the rejection saves and the list shows it', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(applicationUrl);
    await heading(page, /Föreningen Ungdomskraft/);
    await settle(page);
    const group = (name: string) => page.getByRole('group', { name, exact: true });
    await group('Demokrati och mänskliga rättigheter').getByLabel('Uppfyllt', { exact: true }).check();
    await group('Jämställdhet').getByLabel('Ej uppfyllt', { exact: true }).check();
    await page.getByLabel('Kommentar om Jämställdhet (valfritt)').fill('Styrelsen består enligt stadgarna bara av män.');
    await group('Beslut').getByLabel('Bevilja').check();
    await page.getByRole('button', { name: 'Spara prövning och beslut' }).click();

    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    const messages = await summary.getByRole('link').allInnerTexts();
    expect(messages).toEqual([
      'Kriteriet Jämställdhet är inte uppfyllt.',
      'Ansökan kan inte beviljas: Jämställdhet är inte uppfyllt. Organisationer som inte respekterar demokratins idéer får varken bidrag eller lokaler – avslå ansökan.',
    ]);
    // The summary takes focus in an effect once it is drawn.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grant-refused.png', fullPage: true });
    // The summary's link leads to the criterion's radio group.
    await summary.getByRole('link', { name: 'Kriteriet Jämställdhet är inte uppfyllt.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vet-result_gender_equality');

    // Rejected instead, by keyboard: it saves and the decision shows the vetting.
    await group('Beslut').getByLabel('Avslå').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Spara prövning och beslut' }).click();
    await expectStatus(page, 'Prövningen och beslutet är sparade.');
    const table = page.getByRole('table', { name: 'Prövning mot kommunens kriterier' });
    await table.waitFor();
    expect(await table.getByRole('row', { name: /Jämställdhet/ }).innerText()).toContain('Ej uppfyllt');
    expect(await table.getByRole('row', { name: /Icke-diskriminering/ }).innerText()).toContain('Ej bedömt');
    expect(await page.locator('h1').innerText()).toContain('Avslagen');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grant-rejected.png', fullPage: true });

    await page.getByRole('link', { name: 'Bidrag och lokaler' }).first().click();
    await heading(page, 'Bidrag och lokaler');
    await settle(page);
    const row = page.getByRole('row', { name: /Föreningen Ungdomskraft/ });
    expect(await row.innerText()).toContain('Avslagen');
    await page.getByLabel('Status').selectOption({ label: 'Avslagen' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/status=rejected/);
    await settle(page);
    await row.waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grants-list.png', fullPage: true });
    await ctx.close();
  });

  it('an application with every criterion met is approved, then paid out and followed up', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/samverkan/bidrag`);
    await settle(page);
    await page.getByLabel('Organisationens namn').fill('Farsta schackklubb');
    await page.getByLabel('Belopp i kronor (valfritt)').fill('8000');
    // A name in the purpose is held back until the writer confirms no person can be identified.
    await page.getByLabel('Vad ska bidraget eller lokalen användas till?').fill('Schackkurser för barn på lördagar, som Ahmed Hassan leder.');
    const register = page.getByRole('form', { name: 'Registrera ansökan' }).getByRole('button', { name: 'Registrera ansökan' });
    await register.click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /”Ahmed Hassan”/ }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Vad ska bidraget eller lokalen användas till?').fill('Schackkurser för barn på lördagar.');
    await register.click();
    await heading(page, /Farsta schackklubb/);
    await settle(page);
    for (const name of ['Demokrati och mänskliga rättigheter', 'Jämställdhet', 'Icke-diskriminering', 'Tar avstånd från våld']) {
      await page.getByRole('group', { name, exact: true }).getByLabel('Uppfyllt', { exact: true }).check();
    }
    await page.getByRole('group', { name: 'Beslut', exact: true }).getByLabel('Bevilja').check();
    await page.getByRole('button', { name: 'Spara prövning och beslut' }).click();
    await expectStatus(page, 'Prövningen och beslutet är sparade.');
    expect(await page.locator('h1').innerText()).toContain('Beviljad');

    await page.getByRole('button', { name: 'Registrera utbetalning' }).click();
    await page.getByText(/8\u00a0000 kr utbetalt/).waitFor();
    await page.getByLabel('Vad visade uppföljningen?').fill('Kurserna genomfördes med tolv deltagare per tillfälle.');
    await page.getByRole('button', { name: 'Registrera uppföljning' }).click();
    await page.getByText(/^Uppföljd \d{4}-\d{2}-\d{2}$/).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grant-approved.png', fullPage: true });
    await ctx.close();
  });

  it('the criteria: the central coordinator adds one; a local coordinator reads them', async () => {
    const central = await loggedIn(e, 'central@stockholm.example');
    const page = central.page;
    await page.goto(`${e.base}/samverkan/bidrag/kriterier`);
    await heading(page, 'Demokratikriterier');
    await settle(page);
    await page.getByRole('table', { name: 'Kommunens demokratikriterier' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lägg till kriterium' }).click();
    const added = page.getByRole('group', { name: 'Nytt kriterium' });
    await added.getByLabel('Namn').fill('Öppenhet om finansiering');
    await added.getByLabel('Beskrivning').fill('Organisationen redovisar öppet varifrån dess pengar kommer.');
    await page.getByRole('button', { name: 'Spara kriterierna' }).click();
    await expectStatus(page, 'Kriterierna är sparade.');
    await page.getByRole('table', { name: 'Kommunens demokratikriterier' }).getByRole('row', { name: /Öppenhet om finansiering/ }).waitFor();
    await page.getByText('Nyckel: oppenhet_om_finansiering').waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grant-criteria.png', fullPage: true });

    // The central coordinator's list: every board's applications, filtered by board.
    await page.goto(`${e.base}/samverkan/bidrag`);
    await heading(page, 'Bidrag och lokaler');
    await settle(page);
    await page.getByRole('row', { name: /Farsta schackklubb/ }).waitFor();
    await page.getByLabel('Nämnd', { exact: true }).selectOption({ label: 'Skärholmen' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByText('Det finns inga ansökningar att visa.').waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/grants-central.png', fullPage: true });
    await central.ctx.close();

    const local = await loggedIn(e, 'eav@stockholm.example');
    await local.page.goto(`${e.base}/samverkan/bidrag/kriterier`);
    await settle(local.page);
    await local.page.getByRole('row', { name: /Öppenhet om finansiering/ }).waitFor();
    expect(await local.page.getByRole('button', { name: 'Spara kriterierna' }).count()).toBe(0);
    await expectAccessible(local.page);
    await local.ctx.close();
  });
});
