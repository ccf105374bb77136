import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E } from './helpers.js';
import { todayInSweden } from '../src/domain/calendar.js';
import { concernReport } from '../test/helpers/factories.js';
import type { Client } from '../test/helpers/app.js';

const PASSWORD = 'varna-demo-losenord';
const LONG_TEXT =
  'Klistermärken med vit makt-budskap har satts upp på flera ställen kring busshållplatsen och på elskåpen längs gångvägen mot skolan. ' +
  'Fastighetsägaren har sanerat en gång men nya märken kom upp inom en vecka, och personalen på fritidsgården har sett liknande märken i tunnelbanans uppgång.';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await loaded(page);
};
/** The texts of one column of the report table, by its header. */
async function column(page: Page, header: string): Promise<string[]> {
  const table = page.getByRole('table');
  const headers = await table.locator('thead th').allInnerTexts();
  const i = headers.indexOf(header);
  expect(i, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr td:nth-child(${i + 1})`).allInnerTexts();
}

describe('[SITUATION] concern inbox', () => {
  let e: E2E;
  let eavBoard: string;
  let skBoard: string;
  let contributor: Client;
  let eav: Client;
  let openId: string;
  let closedId: string;

  beforeAll(async () => {
    e = await startE2E();
    eavBoard = await e.t.boardId('Enskede-Årsta-Vantör');
    skBoard = await e.t.boardId('Skärholmen');
    [contributor, eav] = await Promise.all([e.t.login('enhetschef@stockholm.example'), e.t.login('eav@stockholm.example')]);
    openId = await concernReport({ as: contributor, boardId: eavBoard, description: LONG_TEXT });
    closedId = await concernReport({ as: contributor, boardId: eavBoard, type: 'propaganda' });
    await eav.post(`/api/concerns/${closedId}/classification`, { type: 'propaganda', environment: 'white_power', relevance: 'vbe' });
    expect((await eav.post(`/api/concerns/${closedId}/close`, {})).statusCode).toBe(200);
    const skarholmen = await e.t.login('skarholmen@stockholm.example');
    await concernReport({ as: skarholmen, boardId: skBoard });
  });
  afterAll(() => e?.close());

  it('opens on the open reports, filtered by the board in the address as the start page links it; one status word in list, filter and report', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/lagesbild/rapporter`);
    await heading(page, 'Orosrapporter');
    await settle(page);
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('open');
    expect(await column(page, 'Status')).not.toContainEqual(expect.stringContaining('Avslutad'));
    expect(await column(page, 'Nämnd')).toContain('Skärholmen');
    expect(await page.locator(`a[href="/lagesbild/rapporter/${closedId}"]`).count()).toBe(0);
    await expectAccessible(page);

    // The start page's per-board link.
    await page.goto(`${e.base}/lagesbild/rapporter?namnd=${eavBoard}`);
    await heading(page, 'Orosrapporter');
    await settle(page);
    expect(await page.getByLabel('Nämnd', { exact: true }).inputValue()).toBe(eavBoard);
    const boards = await column(page, 'Nämnd');
    expect(boards.length).toBeGreaterThan(0);
    expect(new Set(boards)).toEqual(new Set(['Enskede-Årsta-Vantör']));
    expect(await page.getByRole('table').locator('caption').innerText()).toMatch(/öppn?a? orosrapporte?r? – Enskede-Årsta-Vantör/);
    const statuses = await column(page, 'Status');
    expect(statuses.every((s) => s.startsWith('Öppen'))).toBe(true);
    expect(await page.locator(`a[href="/lagesbild/rapporter/${openId}"]`).count()).toBe(1);

    // "Avslutade" shows the closed one with the same word as the report page.
    await page.getByLabel('Status', { exact: true }).selectOption('closed');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.locator(`a[href="/lagesbild/rapporter/${closedId}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get('namnd')).toBe(eavBoard);
    expect(new Set(await column(page, 'Status'))).toEqual(new Set(['Avslutad']));
    await page.locator(`a[href="/lagesbild/rapporter/${closedId}"]`).click();
    await heading(page, /^Rapport från/);
    await settle(page);
    expect(await page.locator('.lead').innerText()).toContain('Avslutad');
    await ctx.close();
  });

  it('shows the text across the page, and asks for a classification before closing (nothing closed)', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/lagesbild/rapporter/${openId}`);
    await heading(page, /^Rapport från/);
    await settle(page);
    expect(await page.locator('.lead').innerText()).toContain('Öppen');
    const text = page.getByRole('region', { name: 'Vad hände?' });
    expect(await text.innerText()).toContain(LONG_TEXT);
    const [box, main] = await Promise.all([text.locator('p').first().boundingBox(), page.locator('main').boundingBox()]);
    // Not a narrow column beside a label: the text takes (nearly) the whole width it may have.
    expect(box!.width).toBeGreaterThan(Math.min(main!.width - 64, 600));
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Avsluta rapporten' }).click();
    const summary = page.getByRole('alert');
    const link = summary.getByRole('link', { name: 'Välj en bedömning och spara klassningen innan du avslutar rapporten.' });
    await link.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('concern-relevance');
    await expectAccessible(page);
    const row = await e.t.database.db.selectFrom('concern_report').select(['status', 'relevance']).where('id', '=', openId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', relevance: null });
    await ctx.close();
  });

  it('a report that does not exist, and an address no page answers to, show an error page with a heading and ways back', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/lagesbild/rapporter/00000000-0000-4000-8000-000000000000`);
    await heading(page, 'Det du söker finns inte');
    expect(await page.locator('main').innerText()).toContain('Rapporten finns inte.');
    await page.getByRole('main').getByRole('link', { name: 'Till startsidan' }).waitFor();
    await expectAccessible(page);
    await page.goto(`${e.base}/ingen-sida-har-den-har-adressen`);
    await heading(page, 'Sidan finns inte');
    await page.getByRole('main').getByRole('link', { name: 'Till startsidan' }).click();
    await page.waitForURL(`${e.base}/`);
    await ctx.close();
  });

  it('at phone width the report reads across the screen and the concern form is prefilled with today and the writer’s unit', async () => {
    const admin = await e.t.login('admin@stockholm.example');
    const units = (await admin.get(`/api/boards/${eavBoard}/units`)).json() as { id: string; name: string }[];
    const unit = units[units.length - 1];
    const created = await admin.post('/api/users', {
      email: 'fritidsledare@stockholm.example',
      name: 'Frida Fritidsledare',
      password: PASSWORD,
      unitId: unit.id,
      roles: [{ role: 'contributor', boardId: eavBoard }],
    });
    expect(created.statusCode, created.body).toBe(201);

    const phone = { viewport: { width: 390, height: 844 }, locale: 'sv-SE' };
    const ctx = await e.browser.newContext(phone);
    expect((await ctx.request.post(`${e.base}/api/session`, { data: { email: 'fritidsledare@stockholm.example', password: PASSWORD } })).status()).toBe(200);
    const page = await ctx.newPage();
    await page.goto(`${e.base}/rapportera-oro`);
    await heading(page, 'Rapportera oro eller händelse');
    await settle(page);
    expect(await page.getByLabel('När hände det?').inputValue()).toBe(todayInSweden());
    await expect.poll(() => page.getByLabel('Rapporterande enhet').inputValue()).toBe(unit.id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await ctx.close();

    const coordinator = await e.browser.newContext(phone);
    expect((await coordinator.request.post(`${e.base}/api/session`, { data: { email: 'eav@stockholm.example', password: PASSWORD } })).status()).toBe(200);
    const report = await coordinator.newPage();
    await report.goto(`${e.base}/lagesbild/rapporter/${openId}`);
    await heading(report, /^Rapport från/);
    await settle(report);
    const box = await report.getByRole('region', { name: 'Vad hände?' }).locator('p').first().boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await report.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(report);
    await coordinator.close();
  });
});
