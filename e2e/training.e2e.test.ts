import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

describe('[TRAINING] browser', () => {
  let e: E2E;
  let dir: string;
  beforeAll(async () => {
    e = await startE2E();
    dir = mkdtempSync(join(tmpdir(), 'varna-training-'));
  });
  afterAll(() => e?.close());

  it('the coverage page shows the audit’s 7.8 % for EÅV as of 2019-09-04, with target, status, lagging units, groups and the trend – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utbildning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utbildning' }).waitFor();
    await page.getByRole('heading', { name: /^Totalt/ }).waitFor();
    await expectAccessible(page);

    // Choose the audit date with the keyboard-usable form.
    await page.getByLabel('Per datum').fill('2019-09-04');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/datum=2019-09-04/);
    // The address changes before the page renders the new date: until its figures load, today's table stands.
    await page.getByRole('table', { name: /Andel som genomgått utbildningen per nämnd, per .*2019/ }).waitFor();
    const boards = page.getByRole('table', { name: /Andel som genomgått utbildningen per nämnd/ });
    const eav = boards.getByRole('row', { name: /Enskede-Årsta-Vantör/ });
    await expect(eav.innerText()).resolves.toMatch(/208\s+2\s?679\s+7,8 %\s+100 %\s+Långt efter/);
    expect(await page.getByText('100 % av alla anställda (mål satt för 2019)').isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: /Enheter under 20 %/ }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('table', { name: /Prioriterade grupper/ }).innerText()).toContain('Socialtjänsten');
    const chart = page.getByRole('img', { name: /Linjediagram/ });
    await chart.waitFor();
    // The image has a fixed size, so it is visible before its SVG has loaded: wait for the load itself.
    await chart.evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
    expect(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getByRole('table', { name: 'Andel per datum (diagrammets data)' }).getByRole('row').count()).toBeGreaterThan(1);
    const download = page.getByRole('link', { name: 'Ladda ner som Excel' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/training\/coverage\/export\?courseId=.+&asOf=2019-09-04$/);
    await expectAccessible(page);

    // A bad date gets the error summary, linked to the field.
    await page.getByLabel('Per datum').fill('');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('alert').getByRole('link', { name: /Ange ett datum som ÅÅÅÅ-MM-DD/ }).waitFor();
    await expectAccessible(page);

    // Board detail: units of EÅV add up to the audit's figure.
    await eav.getByRole('link', { name: 'Enskede-Årsta-Vantör' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utbildning – Enskede-Årsta-Vantör' }).waitFor();
    await page.getByRole('table', { name: /Andel per enhet/ }).waitFor();
    expect(await page.getByRole('table', { name: /Andel per enhet/ }).innerText()).toContain('Förskoleenhet 1');
    expect(await page.getByRole('table', { name: 'Importerad personalstatistik per datum' }).innerText()).toMatch(/2019-09-04\s+2\s?679/);
    await expectAccessible(page);

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Training – Enskede-Årsta-Vantör' }).waitFor();
    await expectAccessible(page);
    // The language is saved on the account after the click; the next tests log in as the same user.
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH'), page.getByRole('button', { name: 'Svenska' }).click()]);
    await ctx.close();
  });

  it('imports a participant list: preview with merged duplicates, an unknown board mapped, bad rows by line, then confirm – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/utbildning/importera`);
    await page.getByRole('heading', { level: 1, name: 'Importera till utbildningsuppföljningen' }).waitFor();
    await expectAccessible(page);

    // Submitting without a file: the error summary links to the file field.
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Välj en fil att importera.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-file');
    await expectAccessible(page);

    const bad = join(dir, 'deltagare-fel.csv');
    writeFileSync(
      bad,
      [
        'Anställningsnummer;Namn;Förvaltning;Enhet;Slutförd',
        'W-1;Anna;Farsta;Hemtjänst;2026-10-01',
        'W-2;Bo;Farsta;Hemtjänst;1/10/2026',
        'W-1;Anna;Farsta;Hemtjänst;2026-10-05',
        'W-3;Cia;Farsta stadsdelsförvaltning;Fritidsgårdar;2026-10-02',
        'W-4;Dan;Okända förvaltningen;;2026-10-03',
      ].join('\r\n'),
      'latin1',
    );
    await page.getByLabel('Fil', { exact: true }).setInputFiles(bad);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
    const summary = page.getByRole('region', { name: 'Förhandsgranskning' }).getByRole('alert');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Rad 3: Slutdatum ”1/10/2026” är inte ett giltigt datum. Använd till exempel 2019-09-04.',
      'Rad 6: Nämnden ”Okända förvaltningen” finns inte i Värna. Välj vilken nämnd den motsvarar eller rätta filen.',
    ]);
    expect(await page.getByRole('table', { name: 'Rader med fel (2)' }).innerText()).toContain('1/10/2026');
    expect(await page.getByText('Det finns inget att importera förrän felen är rättade.').isVisible()).toBe(true);
    await expectAccessible(page);

    // Map the unknown board; the bad date must still be fixed in the file.
    await page.getByLabel('Koppla ”Okända förvaltningen” till').selectOption({ label: 'Farsta' });
    await page.getByRole('button', { name: 'Förhandsgranska igen med kopplingarna' }).click();
    await page.getByRole('table', { name: 'Rader med fel (1)' }).waitFor();
    await expectAccessible(page);

    const good = join(dir, 'deltagare.csv');
    writeFileSync(
      good,
      [
        'Anställningsnummer;Namn;Förvaltning;Enhet;Slutförd',
        'W-1;Anna;Farsta;Hemtjänst;2026-10-01',
        'W-1;Anna;Farsta;Hemtjänst;2026-10-05',
        'W-3;Cia;Farsta stadsdelsförvaltning;Fritidsgårdar;2026-10-02',
        'W-4;Dan;Okända förvaltningen;;2026-10-03',
      ].join('\r\n'),
    );
    await page.getByLabel('Fil', { exact: true }).setInputFiles(good);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
    await page.getByLabel('Koppla ”Okända förvaltningen” till').selectOption({ label: 'Farsta' });
    await page.getByRole('button', { name: 'Förhandsgranska igen med kopplingarna' }).click();
    await page.getByRole('button', { name: 'Importera' }).waitFor();
    const figures = await page.locator('.summary-list').innerText();
    expect(figures).toMatch(/Rader i filen\s+4/);
    expect(figures).toMatch(/Personer som läggs till\s+3/);
    expect(figures).toMatch(/Dubbletter som slås ihop \(samma person\)\s+1/);
    await expectAccessible(page);

    // Nothing is written before the confirmation; cancel first, then confirm.
    const count = async () => Number((await e.t.database.db.selectFrom('training_completion').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await page.getByRole('button', { name: 'Importera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera filen?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('3 personer läggs till');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await count()).toBe(before);
    await page.getByRole('button', { name: 'Importera' }).click();
    await dialog.getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('status').getByText('Importen är klar: 3 rader sparades.').waitFor();
    expect(await count()).toBe(before + 3);
    await expectAccessible(page);
    await ctx.close();
  });

  it('imports a headcount file that creates a unit, and the central coordinator manages courses and targets – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/utbildning/importera`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Personalstatistik').check();
    const file = join(dir, 'personal.csv');
    writeFileSync(file, 'Nämnd;Enhet;Antal anställda;Datum\r\nÄlvsjö;Ny fältgrupp;12;2026-11-01\r\n');
    await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
    expect(await page.locator('.summary-list').innerText()).toMatch(/Enheter som skapas\s+Ny fältgrupp \(Älvsjö\)/);
    expect(await page.getByLabel('Koppla ”Ny fältgrupp” till').inputValue()).toBe('');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('dialog', { name: 'Importera filen?' }).getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('status').getByText(/Importen är klar/).waitFor();

    await page.goto(`${e.base}/utbildning/kurser`);
    await page.getByRole('heading', { level: 1, name: 'Kurser, mål och prioriterade grupper' }).waitFor();
    await page.getByRole('table', { name: 'Kurser' }).waitFor();
    // The targets, priority groups and units load on their own after the courses.
    await loaded(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lägg till kurs' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Ange kursens namn.' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Kursens namn').fill('Föreläsning om nätet');
    await page.getByRole('button', { name: 'Lägg till kurs' }).click();
    await page.getByRole('status').getByText('Kursen Föreläsning om nätet är tillagd.').waitFor();
    await page.getByRole('button', { name: 'Ta bort Föreläsning om nätet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort kursen Föreläsning om nätet?' });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByRole('status').getByText('Kursen Föreläsning om nätet är borttagen.').waitFor();
    await ctx.close();
  });

  it('a local coordinator sees only their board; a contributor gets no import link', async () => {
    const { ctx, page } = await loggedIn(e, 'skarholmen@stockholm.example');
    await page.goto(`${e.base}/utbildning?datum=2019-09-04`);
    await page.getByRole('table', { name: /per nämnd/ }).waitFor();
    const rows = await page.getByRole('table', { name: /per nämnd/ }).getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/Skärholmen\s+94\s+1\s?000\s+9,4 %/);
    await expectAccessible(page);
    await ctx.close();

    const c = await loggedIn(e, 'enhetschef@stockholm.example');
    await c.page.goto(`${e.base}/utbildning`);
    await c.page.getByRole('heading', { name: /^Totalt/ }).waitFor();
    expect(await c.page.getByRole('link', { name: /Importera/ }).count()).toBe(0);
    await expectAccessible(c.page);
    await c.ctx.close();
  });
});
