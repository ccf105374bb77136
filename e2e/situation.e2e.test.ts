import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // networkidle is reached once per document: after a client-side navigation or a language switch it returns at once.
  await loaded(page);
};

describe('[SITUATION] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('a staff member files a report, is told as they type to remove a phone number, and the report is sent – accessible throughout', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Rapportera oro' }).click();
    await heading(page, 'Rapportera oro eller händelse');
    expect(await page.getByRole('region', { name: 'Ingen får gå att identifiera' }).innerText()).toContain('Skriv inte namn, personnummer, telefonnummer');
    await settle(page);
    await expectAccessible(page);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('När hände det?').fill(yesterday);
    await page.getByLabel('Område (frivilligt)').fill('Rågsved');
    await page.getByLabel('Typ av händelse').selectOption('graffiti');
    await page.getByLabel('Miljö').selectOption('white_power');
    const description = page.getByLabel('Vad hände?');
    await description.fill('Klistermärken vid busshållplatsen. Ring föräldern på 070-123 45 67');
    // The guard runs as you type, in a polite live region tied to the field.
    const live = page.locator('#concern-description-guard');
    await expect.poll(() => live.innerText()).toContain('Texten innehåller ett telefonnummer. Ta bort det');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await description.getAttribute('aria-describedby')).toContain('concern-description-guard');
    await expectAccessible(page);

    // Sending anyway: the error summary names the problem and links to the field; nothing is sent.
    const before = Number((await e.t.database.db.selectFrom('concern_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    const link = summary.getByRole('link', { name: /telefonnummer/ });
    await link.waitFor();
    await expectAccessible(page);
    await link.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('concern-description');

    await description.fill('Klistermärken med vit makt-budskap vid busshållplatsen.');
    await expect.poll(() => live.innerText()).toBe('');
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await page.getByRole('heading', { name: 'Tack! Rapporten är skickad.' }).waitFor();
    await expectAccessible(page);
    const after = Number((await e.t.database.db.selectFrom('concern_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before + 1);
    const row = await e.t.database.db.selectFrom('concern_report').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ area: 'Rågsved', type: 'graffiti', environment: 'white_power', description: 'Klistermärken med vit makt-budskap vid busshållplatsen.' });
    await ctx.close();
  });

  it('a text that looks like a name is held back with the words shown; the writer confirms by keyboard and the report is stored, the confirmation logged', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/rapportera-oro`);
    await heading(page, 'Rapportera oro eller händelse');
    await settle(page);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('När hände det?').fill(yesterday);
    await page.getByLabel('Typ av händelse').selectOption('concern_for_person');
    await page.getByLabel('Miljö').selectOption('unclear');
    const description = page.getByLabel('Vad hände?');
    await description.fill('Vi är oroliga för Ahmed Hassan i klass 9B på skolan');
    // No pattern matches as you type: names are checked by the server only.
    expect(await page.locator('#concern-description-guard').innerText()).toBe('');
    const count = async () => Number((await e.t.database.db.selectFrom('concern_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();

    // The summary names the words beside the field and links to the confirmation.
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    await summary.getByRole('link', { name: /”Ahmed Hassan”/ }).waitFor();
    expect(await page.locator('#concern-description-error').innerText()).toContain('”Ahmed Hassan”');
    const confirm = page.getByRole('checkbox', { name: 'Jag bekräftar att ingen person kan identifieras i texten' });
    await confirm.waitFor();
    expect(await count()).toBe(before);
    await expectAccessible(page);

    // By keyboard: the summary's link to the checkbox, Space to tick it, then send.
    await summary.getByRole('link', { name: /^Ta bort namnen, eller bekräfta/ }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('concern-confirmNoPersonalData');
    await page.keyboard.press('Space');
    expect(await confirm.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Skicka rapporten' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tack! Rapporten är skickad.' }).waitFor();
    await expectAccessible(page);
    expect(await count()).toBe(before + 1);
    const row = await e.t.database.db.selectFrom('concern_report').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.description).toBe('Vi är oroliga för Ahmed Hassan i klass 9B på skolan');
    const entry = await e.t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', row.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.summary)).toContain('confirmedNoPersonalData');
    expect(JSON.stringify(entry.summary)).not.toContain('Hassan');
    await ctx.close();
  });

  it('the coordinator sees the report in the inbox, opens it (logged), classifies and closes it after confirming', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/`);
    const inbox = page.getByRole('region', { name: 'Orosrapporter' });
    await inbox.getByRole('link', { name: /^\d+ olästa? orosrapporter?$/ }).click();
    await heading(page, 'Orosrapporter');
    await settle(page);
    await expectAccessible(page);
    expect(await page.getByRole('table').innerText()).toContain('Oläst');
    await page.getByRole('table').getByRole('link').first().click();
    await heading(page, /^Rapport från/);
    await settle(page);
    expect(await page.getByText('Att du har öppnat rapporten är loggat').isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel('Bedömning').selectOption('vbe');
    await page.getByRole('button', { name: 'Spara klassningen' }).click();
    await page.getByRole('status').getByText('Klassningen är sparad.').waitFor();
    await page.getByLabel('Anteckning', { exact: true }).fill('Ring 070-123 45 67');
    await expect.poll(() => page.locator('#concern-note-guard').innerText()).toContain('telefonnummer');
    await page.getByLabel('Anteckning', { exact: true }).fill('Fastighetsägaren sanerar.');
    await page.getByRole('button', { name: 'Lägg till anteckning' }).click();
    await page.getByRole('status').getByText('Anteckningen är tillagd.').waitFor();

    await page.getByRole('button', { name: 'Avsluta rapporten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avsluta rapporten?' });
    await dialog.waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Avsluta rapporten' }).click();
    await dialog.getByRole('button', { name: 'Avsluta rapporten' }).click();
    await page.getByRole('status').getByText('Rapporten är avslutad.').waitFor();
    await expectAccessible(page);
    const reads = await e.t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'concerns.read').where('actor_email', '=', 'eav@stockholm.example').execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);
    // One visit is one logged read: classifying, adding a note and closing do not read the text again.
    const reportId = new URL(page.url()).pathname.split('/').pop()!;
    const readsOfReport = await e.t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'concerns.read').where('entity_id', '=', reportId).execute();
    expect(readsOfReport).toHaveLength(1);
    await ctx.close();
  });

  // One journey in four steps (each waits for the state the last one left): a survey is built, its links made, and answered without login – personal data refused, the link then used up.
  let surveyId = '';
  let href = '';
  it('a survey is built: an empty title is named in the error summary, then the survey is saved', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/lagesbild`);
    await heading(page, 'Lägesbild');
    await settle(page);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Enkäter' }).click();
    await heading(page, 'Enkäter');
    await settle(page);
    expect(await page.getByRole('table').innerText()).toContain('Enkät om tecken på våldsbejakande extremism 2018');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Ny enkät' }).click();
    await heading(page, 'Ny enkät');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Spara enkäten' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Ge enkäten en rubrik.' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Enkätens rubrik').fill('Trygghetsenkät hösten');
    await page.getByLabel('Frågan', { exact: true }).fill('Har ni sett klistermärken med extremistiskt budskap?');
    await page.getByLabel('Frågan måste besvaras').check();
    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    const q2 = page.getByRole('group', { name: 'Fråga 2' });
    await q2.getByLabel('Typ av fråga').selectOption('text');
    await q2.getByLabel('Frågan', { exact: true }).fill('Beskriv vad ni har sett.');
    await page.getByRole('button', { name: 'Spara enkäten' }).click();
    await heading(page, 'Trygghetsenkät hösten');
    await settle(page);
    await expectAccessible(page);
    surveyId = (await e.t.database.db.selectFrom('survey').select('id').where('title', '=', 'Trygghetsenkät hösten').executeTakeFirstOrThrow()).id;
    await ctx.close();
  });

  it('the survey’s links are made, one per recipient', async () => {
    expect(surveyId).not.toBe('');
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/lagesbild/enkater/${surveyId}`);
    await heading(page, 'Trygghetsenkät hösten');
    await settle(page);
    await page.getByRole('button', { name: 'Lägg till extern mottagare' }).click();
    await page.getByLabel('Namn på verksamheten').fill('Fastighetsägare i Rågsved');
    await page.getByRole('button', { name: 'Skapa länkar' }).click();
    const links = page.getByRole('region', { name: 'Länkar att skicka' });
    await links.waitFor();
    // Scan the page once it shows the survey as sent.
    await page.locator('.lead').filter({ hasText: 'Skickad' }).waitFor();
    await expectAccessible(page);
    href = (await links.getByRole('link').first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/enkat\/[A-Za-z0-9_-]{43}$/);
    await ctx.close();
  });

  it('the survey is answered without login: a required question and an e-mail address are refused, then the answers are taken and the link is used up', async () => {
    expect(href).not.toBe('');
    // The recipient: no session at all.
    const anon = await e.browser.newContext();
    const p = await anon.newPage();
    await p.goto(`${e.base}${href}`);
    await heading(p, 'Trygghetsenkät hösten');
    await settle(p);
    expect(await p.getByRole('region', { name: 'Dina svar är anonyma' }).isVisible()).toBe(true);
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Skicka svaren' }).click();
    await p.getByRole('alert').getByRole('link', { name: 'Svara på frågan.' }).waitFor();
    await expectAccessible(p);
    // Keyboard: the first option of the required question, chosen with the space bar.
    await p.getByRole('alert').getByRole('link', { name: 'Svara på frågan.' }).focus();
    await p.keyboard.press('Enter');
    await p.keyboard.press('Space');
    expect(await p.getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    await p.getByLabel(/Beskriv vad ni har sett/).fill('Klistermärken, mejla mig på anna.svensson@example.se');
    await expect.poll(() => p.getByText(/Texten innehåller en e-postadress/).count()).toBeGreaterThan(0);
    await p.getByRole('button', { name: 'Skicka svaren' }).click();
    await p.getByRole('alert').getByRole('link', { name: /e-postadress/ }).waitFor();
    await expectAccessible(p);
    await p.getByLabel(/Beskriv vad ni har sett/).fill('Klistermärken vid tunnelbanan.');
    await p.getByRole('button', { name: 'Skicka svaren' }).click();
    await p.getByRole('heading', { name: 'Tack! Dina svar är mottagna.' }).waitFor();
    await expectAccessible(p);
    await p.goto(`${e.base}${href}`);
    await heading(p, 'Enkäten är redan besvarad');
    await expectAccessible(p);
    await anon.close();
  });

  it('the answer shows in the survey’s results, free text included inside the board', async () => {
    expect(surveyId).not.toBe('');
    const { ctx: c2, page: results } = await loggedIn(e, 'eav@stockholm.example');
    await results.goto(`${e.base}/lagesbild/enkater/${surveyId}/resultat`);
    await heading(results, 'Resultat: Trygghetsenkät hösten');
    await settle(results);
    expect(await results.getByText('Klistermärken vid tunnelbanan.').isVisible()).toBe(true);
    await expectAccessible(results);
    await c2.close();
  });

  it('the coordinator compiles the year’s picture: figures, charts with tables, saves and publishes after confirming', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/lagesbild`);
    await page.getByRole('link', { name: 'Årets lägesbild' }).click();
    const year = new Date().getFullYear();
    await heading(page, `Lägesbild ${year} – Enskede-Årsta-Vantör`);
    await settle(page);
    expect(await page.getByRole('table', { name: `Rapporter per miljö ${year}` }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: new RegExp(`Rapporter per miljö ${year}`) }).isVisible()).toBe(true);
    await expectAccessible(page);

    const text = page.getByLabel('Lägesbildens text');
    // The field renders empty and is filled from the loaded compilation by an effect.
    await expect.poll(() => text.inputValue()).toContain(`Lägesbild ${year} – Enskede-Årsta-Vantör`);
    await text.fill(`${await text.inputValue()}\n\nMöte hölls på Götgatan 14.`);
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByRole('alert').getByRole('link', { name: /gatuadress/ }).waitFor();
    await expectAccessible(page);
    await text.fill((await text.inputValue()).replace('\n\nMöte hölls på Götgatan 14.', '\n\nBedömning: aktiviteten har ökat inför valet.'));
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByRole('status').getByText('Utkastet är sparat.').waitFor();
    await page.getByRole('button', { name: 'Publicera' }).click();
    const dialog = page.getByRole('dialog', { name: `Publicera lägesbilden för ${year}?` });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('status').getByText('Lägesbilden är publicerad.').waitFor();
    await ctx.close();

    // The board's elected members read it; outside the board the figures are suppressed.
    const viewer = await loggedIn(e, 'politiker@stockholm.example');
    const eav = await e.t.boardId('Enskede-Årsta-Vantör');
    await viewer.page.goto(`${e.base}/lagesbild/arsbild?namnd=${eav}&ar=${year}`);
    await heading(viewer.page, `Lägesbild ${year} – Enskede-Årsta-Vantör`);
    await settle(viewer.page);
    expect(await viewer.page.getByText('Bedömning: aktiviteten har ökat inför valet.').isVisible()).toBe(true);
    expect(await viewer.page.getByText(/Du ser nämnden utifrån/).isVisible()).toBe(true);
    await expectAccessible(viewer.page);
    await viewer.ctx.close();
  });

  it('the city-wide picture shows "<5" and its legend, charts and tables, in Swedish and English', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/lagesbild/staden?ar=2026`);
    await heading(page, 'Stadens lägesbild 2026');
    await settle(page);
    const table = page.getByRole('table', { name: 'Rapporter per nämnd och miljö 2026' });
    expect(await table.innerText()).toContain('<5');
    expect(await page.locator('#suppression-legend').innerText()).toContain('<5 = mellan 1 och 4');
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'City-wide situation picture 2026');
    await settle(page);
    await expectAccessible(page);
    // The language is saved on the account after the click; later tests log in as the same user.
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH'), page.getByRole('button', { name: 'Svenska' }).click()]);
    await heading(page, 'Stadens lägesbild 2026');
    await ctx.close();
  });

  it('a city-wide reader starts from the whole city, not from the first board’s counts, and chooses a board to see its own', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/lagesbild`);
    const counts = page.getByRole('region', { name: 'Rapporter', exact: true });
    await counts.getByText('Välj en nämnd ovan för att se dess siffror, eller se hela staden:').waitFor();
    expect(await counts.getByRole('link', { name: 'Stadens lägesbild' }).count()).toBe(1);
    expect(await counts.getByRole('table').count()).toBe(0);
    expect(await page.getByLabel('Nämnd', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page);
    await page.getByLabel('Nämnd', { exact: true }).selectOption({ label: 'Enskede-Årsta-Vantör' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('heading', { level: 2, name: /^Rapporter \d{4} – Enskede-Årsta-Vantör$/ }).waitFor();
    await ctx.close();
  });

  // One test per role: eleven pages with an axe scan each do not fit one test's time on a busy machine.
  const axePages: [string, (eav: string) => string[]][] = [
    ['eav@stockholm.example', () => ['/lagesbild/anteckningar', '/lagesbild/arsbild?ar=2025', '/lagesbild/enkater']],
    ['central@stockholm.example', (eav) => ['/lagesbild', `/lagesbild/rapporter?namnd=${eav}`, `/lagesbild/anteckningar?namnd=${eav}`]],
    ['revisor@stockholm.example', (eav) => ['/lagesbild', '/lagesbild/staden', `/lagesbild/enkater?namnd=${eav}`]],
    ['politiker@stockholm.example', () => ['/lagesbild', '/rapportera-oro']],
  ];
  for (const [email, paths] of axePages) {
    it(`the hub, reports, notes, pictures and surveys pages pass axe for ${email}`, async () => {
      const eavBoard = await e.t.boardId('Enskede-Årsta-Vantör');
      const s = await loggedIn(e, email);
      for (const path of paths(eavBoard)) {
        await s.page.goto(`${e.base}${path}`);
        await settle(s.page);
        await expectAccessible(s.page);
      }
      await s.ctx.close();
    });
  }

  it('the auditor sees the 2018 survey’s results from outside the board, without free text', async () => {
    // The 2018 survey's results, seen by the auditor from outside the board.
    const survey = await e.t.database.db.selectFrom('survey').select('id').where('year', '=', 2018).executeTakeFirstOrThrow();
    const a = await loggedIn(e, 'revisor@stockholm.example');
    await a.page.goto(`${e.base}/lagesbild/enkater/${survey.id}/resultat`);
    await heading(a.page, /Enkät om tecken på våldsbejakande extremism 2018/);
    await settle(a.page);
    expect(await a.page.getByText('Fritextsvar visas bara inom nämnden.').isVisible()).toBe(true);
    await expectAccessible(a.page);
    await a.ctx.close();
  });

  it('a note with a phone number is refused in the browser; a clean one is saved', async () => {
    // A note with a phone number is refused in the browser before it is sent.
    const n = await loggedIn(e, 'eav@stockholm.example');
    await n.page.goto(`${e.base}/lagesbild/anteckningar`);
    await heading(n.page, 'Polisen och andra källor');
    await n.page.getByLabel('Anteckning', { exact: true }).fill('Polisen nås på 070-123 45 67');
    await n.page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await n.page.getByRole('alert').getByRole('link', { name: /telefonnummer/ }).waitFor();
    await n.page.getByLabel('Anteckning', { exact: true }).fill('Lokalpolisen: lugnt i området.');
    await n.page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await n.page.getByRole('status').getByText('Anteckningen är sparad.').waitFor();
    // The notice shows before the list has reloaded: scan the page once the new note is in it.
    await n.page.getByRole('listitem').filter({ hasText: 'Lokalpolisen: lugnt i området.' }).waitFor();
    await expectAccessible(n.page);
    await n.ctx.close();
  });
});
