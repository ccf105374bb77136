import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import eav from '../src/demo/data/eav-handlingsplan-2018.json' with { type: 'json' };
import { toDelimited } from '../src/domain/training/test-files.js';
import { expectAccessible, loggedIn, startE2E, type E2E } from './helpers.js';

const HEADER = ['Insats', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning', 'Insatsområde'];
const ROWS = eav.activities.map((a, i) => [a.title, a.responsible, a.partners, a.timeline, a.followUp, i === 0 ? 'Allmän' : '']);
const csvFile = (rows: string[][], name = 'insatser.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + toDelimited(rows, ';')) });

describe('[PLANS] import of activity tables in the browser', () => {
  let e: E2E;
  let planId: string;
  beforeAll(async () => {
    e = await startE2E();
    const c = await e.t.login('eav@stockholm.example');
    const res = await c.post('/api/plans', { boardId: await e.t.boardId('Enskede-Årsta-Vantör'), year: 2033 });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
  });
  afterAll(() => e?.close());

  it('previews a file, shows each bad line with its reason, then imports a good file after confirmation', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/planer/${planId}/importera`);
    await page.getByRole('heading', { level: 1, name: 'Importera insatser' }).waitFor();
    expect(await page.getByRole('link', { name: /Tillbaka till planen för Enskede-Årsta-Vantör 2033/ }).isVisible()).toBe(true);
    await expectAccessible(page);

    // No file: the error summary links to the file field.
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Välj en fil att förhandsgranska.']);
    await expectAccessible(page);

    // A file with two bad lines: both listed by line number, nothing to confirm.
    await page.getByLabel('Fil med insatser').setInputFiles(
      csvFile([HEADER, ROWS[0], ['', 'Chef', '', '2033', 'Möte', ''], ROWS[1], ['Utan ansvarig', '', '', '2033', 'Möte', 'Okänd nivå']]),
    );
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const errors = page.getByRole('table', { name: 'Rader med fel (2)' });
    await errors.waitFor();
    expect(await errors.getByRole('row').allInnerTexts()).toEqual([
      'Rad\tFel',
      '3\tInsatsen saknar namn (kolumnen Insats är tom).',
      '5\tAnsvarig aktör saknas. Okänt insatsområde ”Okänd nivå”. Skriv Allmän, Riktad eller Individ, eller lämna rutan tom.',
    ]);
    expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
      'Rad 3: Insatsen saknar namn (kolumnen Insats är tom).',
      'Rad 5: Ansvarig aktör saknas. Okänt insatsområde ”Okänd nivå”. Skriv Allmän, Riktad eller Individ, eller lämna rutan tom.',
    ]);
    expect(await page.getByRole('button', { name: /^Importera/ }).count()).toBe(0);
    await expectAccessible(page);

    // The EÅV table: 13 rows to add, confirmed with one button.
    await page.getByLabel('Fil med insatser').setInputFiles(csvFile([HEADER, ...ROWS]));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const rows = page.getByRole('table', { name: 'Insatser som läggs till (13)' });
    await rows.waitFor();
    expect(await rows.getByRole('row').count()).toBe(14);
    expect(await rows.getByRole('row').nth(1).innerText()).toContain('Allmän');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page);
    const before = (await (await e.t.login('eav@stockholm.example')).get(`/api/plans/${planId}`)).json().activities.length;
    expect(before).toBe(0); // the preview wrote nothing

    await page.getByRole('button', { name: 'Importera 13 insatser' }).click();
    await page.getByRole('status').filter({ hasText: '13 insatser har importerats till planen.' }).waitFor();
    await expectAccessible(page);
    const plan = (await (await e.t.login('eav@stockholm.example')).get(`/api/plans/${planId}`)).json();
    expect(plan.activities.map((a: { title: string }) => a.title)).toEqual(eav.activities.map((a) => a.title));
    expect(plan.activities[0].measureArea).toBe('general');

    // The same file again: every row is already in the plan, so nothing is offered.
    await page.getByLabel('Fil med insatser').setInputFiles(csvFile([HEADER, ...ROWS]));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('table', { name: 'Finns redan och läggs inte till (13)' }).waitFor();
    expect(await page.getByRole('button', { name: /^Importera/ }).count()).toBe(0);
    await expectAccessible(page);
    await ctx.close();
  });

  it('a contributor is told the plan cannot be changed by them', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await page.goto(`${e.base}/planer/${planId}/importera`);
    await page.getByRole('heading', { level: 1, name: 'Importera insatser' }).waitFor();
    expect(await page.getByText('Planen kan bara ändras när den är ett utkast eller återremitterad').isVisible()).toBe(true);
    expect(await page.getByLabel('Fil med insatser').count()).toBe(0);
    await expectAccessible(page);
    await ctx.close();
  });
});
