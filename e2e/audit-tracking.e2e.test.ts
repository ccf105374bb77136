import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tinyPdf } from '../src/domain/attachments/test-files.js';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await loaded(page);
};
const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
/** A day relative to today, as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('[AUDIT-TRACKING] browser', () => {
  let e: E2E;
  let reportUrl = '';
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the auditor’s start page flags the demo audit’s overdue replies; the list shows the report', async () => {
    const { ctx, page } = await loggedIn(e, 'revisor@stockholm.example');
    await page.goto(`${e.base}/`);
    await settle(page);
    // The demo's audit 2/2019 has replies long overdue: the start page says so.
    const panel = page.getByRole('region', { name: 'Revision' });
    await panel.getByText(/svar är försenade/).waitFor();
    await expectAccessible(page);

    await menu(page).getByRole('link', { name: 'Revision', exact: true }).click();
    await heading(page, 'Revision');
    await settle(page);
    await page.getByRole('heading', { level: 2, name: /2\/2019/ }).waitFor();
    await expectAccessible(page);
    await ctx.close();
  });

  it('the auditor registers a report with its PDF, after an error summary that leads to each missing field', async () => {
    const { ctx, page } = await loggedIn(e, 'revisor@stockholm.example');
    await page.goto(`${e.base}/revision`);
    await settle(page);
    await page.getByRole('link', { name: 'Registrera revisionsrapport' }).click();
    await heading(page, 'Registrera revisionsrapport');
    // Sending it empty: the summary names every missing field and links to it.
    await page.getByRole('button', { name: 'Registrera rapporten' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Ange rapportens titel.', 'Ange rapportens datum som ÅÅÅÅ-MM-DD.', 'Ange sista dag för svar som ÅÅÅÅ-MM-DD.']);
    await expectAccessible(page);
    await summary.getByRole('link', { name: 'Ange rapportens titel.' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-title');

    await page.keyboard.type('Uppföljning av stadens arbete mot våldsbejakande extremism');
    await page.getByLabel('Rapportens nummer').fill('7/2026');
    await page.getByLabel('Rapportens datum').fill(day(-60));
    await page.getByLabel('Sista dag för nämndernas svar').fill(day(-1));
    await page.getByLabel('Rapporten som fil').setInputFiles({ name: 'Revisionsrapport 7-2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('Revisionsrapport 7/2026')) });
    await page.getByRole('button', { name: 'Registrera rapporten' }).click();
    await heading(page, 'Revisionsrapport 7/2026: Uppföljning av stadens arbete mot våldsbejakande extremism');
    await settle(page);
    reportUrl = page.url();
    await page.getByRole('link', { name: 'Revisionsrapport 7-2026.pdf' }).waitFor();
    await expectAccessible(page);
    await ctx.close();
  });

  it('the auditor addresses a recommendation to a board; the unanswered reply past its date is flagged overdue', async () => {
    const { ctx, page } = await loggedIn(e, 'revisor@stockholm.example');
    await page.goto(reportUrl);
    await settle(page);
    // A recommendation to Enskede-Årsta-Vantör, chosen by keyboard.
    await page.getByLabel('Rekommendationen').fill('Säkerställ att förskolans och äldreomsorgens personal genomför grundutbildningen.');
    await page.getByLabel('Enskede-Årsta-Vantör').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Lägg till rekommendation' }).click();
    await expectStatus(page, 'Rekommendationen är sparad.');
    const rec = page.getByRole('region', { name: 'Rekommendation 1' });
    await rec.getByRole('heading', { level: 4, name: /Enskede-Årsta-Vantör/ }).waitFor();
    // Its reply date has passed without a reply: awaiting, and flagged overdue in words.
    expect(await rec.getByRole('heading', { level: 4 }).innerText()).toMatch(/Inväntar svar\s*Försenad/);
    await expectAccessible(page);
    await ctx.close();
  });

  it('the board’s coordinator sees the report on the start page, replies with the board’s decision and adds a measure linked to the plan', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/`);
    await settle(page);
    await page.getByRole('region', { name: 'Revision' }).getByText(/svar till revisionen inväntas/).waitFor();
    await page.goto(reportUrl);
    await settle(page);
    await page.getByRole('link', { name: 'Skriv svar och åtgärder' }).click();
    await heading(page, 'Svar från Enskede-Årsta-Vantör');
    await settle(page);
    await expectAccessible(page);

    await page.getByLabel('Svar på rekommendationen').fill('Nämnden instämmer. Förskolan genomför utbildningen under våren och äldreomsorgen under hösten.');
    await page.getByLabel('Bifoga protokollsutdrag eller annan handling').setInputFiles({ name: 'Protokollsutdrag § 12.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('Protokollsutdrag 12')) });
    await page.getByLabel('Paragraf').fill('§ 12');
    await page.getByLabel('Paragraf').press('Enter');
    await expectStatus(page, 'Svaret är sparat.');
    await page.getByRole('link', { name: 'Protokollsutdrag § 12.pdf' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Rekommendation 1\s*Besvarad/ }).waitFor();

    // Measure 1: through an activity already in the plan, due yesterday (so it is late).
    await page.getByLabel('Åtgärd', { exact: true }).fill('Förskolans personal genomför grundutbildningen');
    await page.getByLabel('Ansvarig', { exact: true }).fill('Avdelningschef förskola');
    await page.getByLabel('Klart senast').fill(day(-1));
    await page.getByLabel('Genom en insats som redan finns i nämndens handlingsplan').check();
    await page.getByLabel('Insats', { exact: true }).selectOption({ label: '2026: Webbaserad grundutbildning om våldsbejakande extremism för personal inom fritid, fält och socialtjänst' });
    await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await expectStatus(page, 'Åtgärden är tillagd.');
    await page.getByRole('heading', { level: 4, name: /Förskolans personal genomför grundutbildningen/ }).waitFor();
    await ctx.close();
  });

  it('the second measure waits for another body: shown as waiting, not late, while the late one is flagged', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${reportUrl}/svar/${await e.t.boardId('Enskede-Årsta-Vantör')}`);
    await heading(page, 'Svar från Enskede-Årsta-Vantör');
    await settle(page);
    // Measure 2: waiting for another body, long past its date — waiting, not late. Missing text first.
    await page.getByLabel('Åtgärd', { exact: true }).fill('Strategi för samverkan med civilsamhället');
    await page.getByLabel('Klart senast').fill(day(-30));
    await page.getByLabel('Den väntar på ett annat organ (till exempel kommunstyrelsens vägledning)').check();
    await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Skriv vad åtgärden väntar på, eller välj en annan nämnds åtgärd.' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Vad väntar åtgärden på?').fill('Kommunstyrelsens vägledning om samverkan med civilsamhället');
    await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await page.getByRole('heading', { level: 4, name: /Strategi för samverkan med civilsamhället/ }).waitFor();

    const late = page.getByRole('heading', { level: 4, name: /Förskolans personal/ });
    const waiting = page.getByRole('heading', { level: 4, name: /Strategi för samverkan/ });
    expect(await late.innerText()).toContain('Försenad');
    expect(await waiting.innerText()).toContain('Väntar på annan');
    expect(await waiting.innerText()).not.toContain('Försenad');
    // One late measure keeps the reply overdue.
    expect(await page.getByRole('heading', { level: 2, name: /Rekommendation 1/ }).innerText()).toContain('Försenad');
    await expectAccessible(page);
    await ctx.close();
  });

  it('the coordinator follows up the late measure as done, with a comment kept in its history', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${reportUrl}/svar/${await e.t.boardId('Enskede-Årsta-Vantör')}`);
    await heading(page, 'Svar från Enskede-Årsta-Vantör');
    await settle(page);
    const late = page.getByRole('heading', { level: 4, name: /Förskolans personal/ });
    // Follow up the late measure: done, with a comment kept in its history.
    await page.getByRole('group', { name: 'Följ upp Förskolans personal genomför grundutbildningen' }).getByLabel('Status').selectOption('done');
    await page.getByRole('group', { name: 'Följ upp Förskolans personal genomför grundutbildningen' }).getByLabel('Kommentar').fill('Alla förskolor har genomfört utbildningen.');
    await page.getByRole('button', { name: 'Spara uppföljningen' }).first().click();
    await expectStatus(page, 'Uppföljningen av åtgärden är sparad.');
    await expect.poll(() => late.innerText()).not.toContain('Försenad');
    expect(await late.innerText()).toContain('Genomförd');
    const card = page.locator('.at-reply', { has: late });
    await card.getByText('Historik').click();
    await expect.poll(() => card.locator('details').innerText()).toMatch(/T\d|VB/);
    expect(await card.locator('details').innerText()).toContain('Genomförd – Erik Lindqvist');
    expect(await card.locator('details').innerText()).toContain('Alla förskolor har genomfört utbildningen.');
    await expectAccessible(page);

    const rows = await e.t.database.db.selectFrom('audit_measure').select(['title', 'status', 'activity_id', 'waiting_for']).orderBy('created_at', 'desc').limit(2).execute();
    expect(rows.map((r) => [r.title, r.status, !!r.activity_id, r.waiting_for])).toEqual([
      ['Strategi för samverkan med civilsamhället', 'planned', false, 'Kommunstyrelsens vägledning om samverkan med civilsamhället'],
      ['Förskolans personal genomför grundutbildningen', 'done', true, null],
    ]);
    await ctx.close();
  });
});
