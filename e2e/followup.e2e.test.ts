import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E, expectStatus } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // networkidle is reached once per document: after a client-side navigation it returns at once.
  await loaded(page);
};
const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

describe('[FOLLOWUP] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('a contributor reports an activity’s tertial status from "my activities" – error summary, keyboard, accessible throughout', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/`);
    await menu(page).getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await heading(page, 'Uppföljning');
    await settle(page);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Mina insatser' }).click();
    await heading(page, 'Mina insatser');
    await page.getByLabel('År').selectOption('2026');
    await page.getByLabel('Period').selectOption('T2');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/period=2026-T2/);
    await settle(page);
    const cards = page.locator('.fu-card');
    // The address changes before the page renders the new period: the old period's cards stand until then.
    await cards.first().getByRole('link', { name: /Rapportera Tertial 2 \(maj–augusti\) 2026/ }).waitFor();
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.first().innerText()).toContain('Ingen rapport för perioden än');
    await expectAccessible(page);

    await cards.first().getByRole('link', { name: /Rapportera Tertial 2 \(maj–augusti\) 2026/ }).click();
    await heading(page, /Rapportera uppföljning: Webbaserad grundutbildning/);
    await settle(page);
    expect(await page.locator('.fu-meta').innerText()).toContain('Försenad');
    await expectAccessible(page);

    // Sending without a status: the summary links to the field, and Enter on the link moves focus there.
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Välj status för insatsen.']);
    await expectAccessible(page);
    await summary.getByRole('link').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-status');

    // Delayed needs a comment; then by keyboard: type the comment and the indicator value, Enter sends.
    await page.getByLabel('Status').selectOption('delayed');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await summary.getByRole('link', { name: 'Skriv en kommentar om varför insatsen är försenad eller avbruten.' }).waitFor();
    await page.getByLabel('Kommentar').fill('Utbildningen fortsätter i oktober; 60 platser kvar.');
    await page.getByLabel(/Andel medarbetare som genomfört grundutbildningen/).fill('34,5');
    await page.getByLabel(/Andel medarbetare som genomfört grundutbildningen/).press('Enter');
    await page.getByRole('status').getByText('Rapporten för Tertial 2 (maj–augusti) 2026 är sparad.').waitFor();
    const history = page.getByRole('table', { name: 'Alla rapporter för insatsen' });
    // The notice shows before the reload of the history has answered.
    await history.getByRole('row', { name: /2026-T2/ }).waitFor();
    await expect.poll(() => history.innerText()).toContain('2026-T2');
    expect(await history.innerText()).toContain('34.5');
    await expectAccessible(page);

    const row = await e.t.database.db.selectFrom('follow_up').selectAll().where('period', '=', 'T2').where('year', '=', 2026).where('reported_by_name', '=', 'Elin Enhetschef').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'delayed', comment: 'Utbildningen fortsätter i oktober; 60 platser kvar.' });
    await ctx.close();
  });

  it('the local coordinator sees who has not reported, writes the consolidated analysis and marks the period reported', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    const board = await e.t.boardId('Enskede-Årsta-Vantör');
    await page.goto(`${e.base}/uppfoljning/namnd/${board}?period=2026-T2`);
    await heading(page, 'Uppföljning – Enskede-Årsta-Vantör');
    await settle(page);
    expect(await page.getByRole('region', { name: 'Läget för perioden' }).innerText()).toMatch(/av 9 insatser är rapporterade/);
    expect(await page.getByRole('region', { name: 'Inte rapporterade' }).innerText()).toContain('Elin Enhetschef');
    expect(await page.getByRole('region', { name: 'Försenade' }).innerText()).toContain('Enkäten till trossamfund och föreningar är försenad');
    await expectAccessible(page);
    // The reporters' form opens by keyboard.
    await page.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Spara rapportörer' }).first().waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Skriv den samlade analysen' }).click();
    await heading(page, /Samlad analys Tertial 2 \(maj–augusti\) 2026 – Enskede-Årsta-Vantör/);
    await settle(page);
    await expectAccessible(page);

    // Marking reported with empty headings is refused, naming every heading.
    await page.getByRole('button', { name: 'Markera perioden som rapporterad' }).click();
    const dialog = page.getByRole('dialog', { name: /Markera Tertial 2/ });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Markera perioden som rapporterad' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').count()).toBe(8);
    await expectAccessible(page);

    const texts: Record<string, string> = {
      'Allmänna insatser – vad har genomförts': 'Grundutbildningen pågår men ligger efter plan.',
      'Riktade insatser – vad har genomförts': 'Rådet har behandlat frågan vid varje möte.',
      'Individinsatser – vad har genomförts': 'Ett fåtal ärenden i sociala insatsgruppen.',
      'Effekter som har märkts': 'Färre anmälda händelser än förra året.',
      'Kompetenshöjning och utbildningstäckning': 'Drygt en tredjedel har gått grundutbildningen.',
      'Lokal lägesbild': 'Oförändrad.',
      Samverkan: 'Dialogen med trossamfunden har kommit i gång.',
      'Vad ändras till nästa år': 'Fler utbildningstillfällen under våren.',
    };
    for (const [label, text] of Object.entries(texts)) await page.getByLabel(label, { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Spara analysen' }).click();
    await page.getByRole('status').getByText('Analysen är sparad.').waitFor();
    await page.getByRole('button', { name: 'Markera perioden som rapporterad' }).click();
    await dialog.getByRole('button', { name: 'Markera perioden som rapporterad' }).click();
    await heading(page, 'Uppföljning – Enskede-Årsta-Vantör');
    await settle(page);
    // The KPI links load after the page (without a loading status): scan the page once they are there.
    await page.getByText('Koppla till nyckeltal').first().waitFor();
    expect(await page.getByRole('region', { name: 'Samlad analys' }).innerText()).toMatch(/Perioden markerades som rapporterad .* av Erik Lindqvist/);
    expect(await page.getByRole('region', { name: 'Samlad analys' }).innerText()).toContain('Dialogen med trossamfunden har kommit i gång.');
    await expectAccessible(page);
    await ctx.close();
  });

  it('the city report page shows every board, charts beside their data tables and the downloads – accessible for the central coordinator and kommunstyrelsen', async () => {
    for (const email of ['central@stockholm.example', 'politiker@stockholm.example']) {
      const { ctx, page } = await loggedIn(e, email);
      await page.goto(`${e.base}/`);
      await menu(page).getByRole('link', { name: 'Rapporter', exact: true }).click();
      await page.goto(`${e.base}/rapporter?year=2026`);
      await heading(page, 'Samlad rapport 2026');
      await settle(page);
      const boards = page.getByRole('region', { name: 'Nämndernas planer och insatser' });
      // The heading renders before the report loads, and count() does not wait.
      await boards.getByRole('row', { name: /Skärholmen/ }).waitFor();
      expect(await boards.getByRole('row').count()).toBe(21);
      expect(await boards.getByRole('row', { name: /Skärholmen/ }).innerText()).toContain('Inskickad');
      const charts = page.getByRole('region', { name: 'Diagram' });
      await expect.poll(() => charts.getByRole('img').count()).toBe(3);
      expect(await charts.getByRole('img').first().getAttribute('alt')).toBe('Diagram: Insatser per nämnd och status 2026. Samma siffror finns i tabellen bredvid.');
      expect(await charts.getByRole('table', { name: 'Insatser per nämnd och status' }).innerText()).toContain('Rinkeby-Kista');
      expect(await page.getByRole('link', { name: 'Ladda ner Word (docx)' }).getAttribute('href')).toBe('/api/reports/city?year=2026&format=docx');
      await expectAccessible(page);
      await ctx.close();
    }
  });

  it('the city report’s long lists come a page at a time: "Visa fler" by keyboard moves focus to the first new item, and the indicators sort once all are shown', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    // A city of 300 boards fills the first pages; the demo's 20 do not. The page's own first read is
    // asked for smaller pages (the server answers it as it would any page); "Visa fler" is untouched.
    await page.route('**/api/reports/city?*', (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('format') === 'json' && ![...url.searchParams.keys()].some((k) => k.endsWith('Limit'))) {
        url.searchParams.set('indicatorLimit', '2');
        url.searchParams.set('analysisLimit', '1');
      }
      return route.continue({ url: url.toString() });
    });
    await page.goto(`${e.base}/rapporter?year=2026`);
    await heading(page, 'Samlad rapport 2026');
    await settle(page);

    const indicators = page.getByRole('region', { name: 'Indikatorer' });
    const shown = indicators.getByRole('status');
    await shown.getByText(/^Visar 2 av \d+ indikatorer\. Tabellen går att sortera när alla visas\.$/).waitFor();
    const total = Number((await shown.innerText()).match(/av (\d+)/)![1]);
    expect(total).toBeGreaterThan(2);
    const table = indicators.getByRole('table', { name: 'Effektindikatorer jämförda med målen', exact: true });
    expect(await table.getByRole('button').count()).toBe(0);
    await indicators.getByRole('button', { name: 'Visa fler' }).focus();
    await page.keyboard.press('Enter');
    await shown.getByText(new RegExp(`^Visar ${Math.min(4, total)} av ${total} indikatorer`)).waitFor();
    // Focus is on the first new row, where a keyboard user continues reading.
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('tbody')].flatMap((b) => [...b.rows]).findIndex((row) => row.contains(document.activeElement)))).not.toBe(-1);
    expect(await table.locator('tbody tr').nth(2).evaluate((row) => row.contains(document.activeElement))).toBe(true);
    for (let rows = Math.min(4, total); rows < total; ) {
      await indicators.getByRole('button', { name: 'Visa fler' }).click();
      rows = Math.min(rows + 2, total);
      await shown.getByText(new RegExp(`^Visar ${rows} av ${total} indikatorer`)).waitFor();
    }
    expect(await indicators.getByRole('button', { name: 'Visa fler' }).count()).toBe(0);
    await shown.getByText(`Visar ${total} av ${total} indikatorer.`, { exact: true }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(total);
    await table.getByRole('button', { name: 'Indikator' }).click();
    expect(await table.getByRole('columnheader', { name: 'Indikator' }).getAttribute('aria-sort')).toBe('ascending');

    const analyses = page.getByRole('region', { name: 'Nämndernas analyser' });
    await analyses.getByRole('status').getByText(/^Visar 1 av \d+ nämnders analyser\.$/).waitFor();
    // While the longer list loads (held back here), the keyboard focus stays on the button.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/reports/city?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('analysisLimit') === '2') await held;
      return route.fallback();
    });
    await analyses.getByRole('button', { name: 'Visa fler' }).focus();
    await page.keyboard.press('Enter');
    await analyses.getByRole('button', { name: 'Hämtar fler …' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hämtar fler …');
    release();
    await expect.poll(() => analyses.getByRole('heading', { level: 3 }).count()).toBe(2);
    // Focus moves once the new heading is drawn (an effect after the paint).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await analyses.getByRole('heading', { level: 3 }).nth(1).innerText());
    await expectAccessible(page);
    await ctx.close();
  });

  it('the city report page shows what the documents carry on governance: late plans, the audit replies, the boards’ decisions and collaboration – by keyboard to a late board’s report', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    const report = await (await ctx.request.get(`${e.base}/api/reports/city?year=2026`)).json();
    await page.goto(`${e.base}/rapporter?year=2026`);
    await heading(page, 'Samlad rapport 2026');
    await settle(page);

    const late = page.getByRole('region', { name: 'Sena planer' });
    await late.getByRole('table').waitFor();
    expect(report.latePlans.items.length).toBeGreaterThan(0);
    expect(await late.innerText()).toContain(`${report.latePlans.items.length} planer var inte inskickade när sista dagen för planerna, ${report.latePlans.deadline}, hade passerat.`);
    // One row per late plan (and the heading row), each with its plan's state in words.
    expect(await late.getByRole('row').count()).toBe(report.latePlans.items.length + 1);
    expect(await late.getByRole('row', { name: /Farsta/ }).innerText()).toContain('Utkast');
    expect(await late.getByRole('row', { name: /Bromma/ }).innerText()).toContain('Ingen plan');

    const audits = page.getByRole('region', { name: 'Revision' });
    const figure = async (name: string) => (await audits.getByText(name, { exact: true }).locator('xpath=following-sibling::dd').innerText()).trim();
    expect(await figure('Svar på rekommendationer')).toBe(String(report.audits.tally.replies));
    expect(await figure('Försenade svar')).toBe(String(report.audits.tally.overdue));
    const open = report.audits.replies.filter((x: { status: string }) => x.status !== 'done');
    expect(await audits.getByRole('table', { name: 'Svar som inte är klara' }).getByRole('row').count()).toBe(open.length + 1);

    const decisions = page.getByRole('region', { name: 'Nämndernas beslut om planerna' });
    const rinkeby = report.decisions.items.find((d: { boardName: string }) => d.boardName === 'Rinkeby-Kista');
    const row = decisions.getByRole('row', { name: new RegExp(rinkeby.meetingOn) }).filter({ hasText: 'Rinkeby-Kista' });
    expect(await row.innerText()).toContain(rinkeby.paragraph);
    expect(await row.getByRole('link', { name: rinkeby.meetingOn }).getAttribute('href')).toBe(`/planer/${rinkeby.planId}`);

    const collaboration = page.getByRole('region', { name: 'Samverkan och bidrag' });
    const eav = report.collaboration.rows.find((x: { boardName: string }) => x.boardName === 'Enskede-Årsta-Vantör');
    const meetings = eav.collaboration.forums.reduce((n: number, f: { meetings: number }) => n + f.meetings, 0);
    expect(meetings).toBeGreaterThan(0);
    expect(await collaboration.getByRole('row', { name: /Enskede-Årsta-Vantör/ }).getByRole('cell').first().innerText()).toBe(String(meetings));
    await expectAccessible(page);

    // By keyboard from the late plans to that board's own report.
    const farsta = late.getByRole('link', { name: 'Farsta' });
    await farsta.focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Rapport 2026 – Farsta');
    await ctx.close();
  });

  it('the board report, the periods admin and the context indicators pass axe', async () => {
    const board = await e.t.boardId('Enskede-Årsta-Vantör');
    {
      const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
      await page.goto(`${e.base}/rapporter`);
      await heading(page, 'Rapporter');
      await settle(page);
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Öppna rapporten för Enskede-Årsta-Vantör' }).click();
      await heading(page, /Rapport \d{4} – Enskede-Årsta-Vantör/);
      await page.goto(`${e.base}/rapporter/namnd/${board}?year=2026&period=T2`);
      await heading(page, 'Rapport 2026 – Enskede-Årsta-Vantör');
      await settle(page);
      expect(await page.getByRole('region', { name: 'Indikatorer' }).innerText()).toContain('Andel medarbetare som genomfört grundutbildningen (%)');
      // The board's own decisions, without a board column.
      const decisions = page.getByRole('region', { name: 'Nämndens beslut om planen' });
      expect(await decisions.getByRole('row', { name: /2026-02-19/ }).innerText()).toContain('§ 8');
      expect(await decisions.getByRole('columnheader', { name: 'Nämnd' }).count()).toBe(0);
      await expectAccessible(page);
      await page.goto(`${e.base}/uppfoljning/kontext`);
      await heading(page, 'Kontextindikatorer');
      await settle(page);
      expect(await page.getByRole('table', { name: 'Kontextindikatorer i kommunen' }).innerText()).toContain('DEMO-TRYGG9');
      await expectAccessible(page);
      await ctx.close();
    }
    {
      const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
      await page.goto(`${e.base}/uppfoljning/perioder?year=2026`);
      await heading(page, 'Uppföljningsperioder');
      await settle(page);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Stäng Verksamhetsberättelse (helår) 2026' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Stäng Verksamhetsberättelse (helår) 2026' }).click();
      await page.getByRole('status').getByText('Verksamhetsberättelse (helår) 2026 är stängd.').waitFor();
      await page.getByRole('button', { name: 'Öppna Verksamhetsberättelse (helår) 2026 igen' }).click();
      await page.getByRole('status').getByText('Verksamhetsberättelse (helår) 2026 är öppen igen.').waitFor();
      // The notice shows before the periods have reloaded: scan the page once they have.
      await page.getByRole('button', { name: 'Stäng Verksamhetsberättelse (helår) 2026' }).waitFor();
      await expectAccessible(page);
      await page.goto(`${e.base}/uppfoljning`);
      await heading(page, 'Uppföljning');
      await settle(page);
      await expectAccessible(page);
      await page.goto(`${e.base}/uppfoljning/namnd/${board}?period=2025-VB`);
      await heading(page, 'Uppföljning – Enskede-Årsta-Vantör');
      await settle(page);
      await expectStatus(page, 'Perioden 2025-VB är stängd');
      await expectAccessible(page);
      await ctx.close();
    }
  });
});
