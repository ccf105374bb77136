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
const LBR = 'Lokala brottsförebyggande rådet Skärholmen';

describe('[COLLABORATION] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the local coordinator reaches the board’s forums from the menu and records a meeting with its minutes, by keyboard, after the guard holds back a phone number', async () => {
    const { ctx, page } = await loggedIn(e, 'skarholmen@stockholm.example');
    await page.goto(`${e.base}/`);
    await settle(page);
    await menu(page).getByRole('link', { name: 'Samverkan', exact: true }).click();
    await heading(page, 'Samverkan');
    await settle(page);
    const forums = page.getByRole('table', { name: 'Forum och nätverk med årets möten' });
    // The board's own forums come before the city's networks.
    expect((await forums.getByRole('rowheader').first().innerText()).trim()).toBe(LBR);
    const countBefore = Number(await forums.getByRole('row', { name: new RegExp(LBR) }).getByRole('cell').nth(2).innerText());
    await expectAccessible(page);

    await forums.getByRole('link', { name: LBR }).click();
    await heading(page, LBR);
    await settle(page);
    await expectAccessible(page);

    // The agenda checkbox and the notes by keyboard.
    await page.getByLabel('Mötesdag').fill(day(-1));
    await page.getByLabel('Våldsbejakande extremism var uppe på dagordningen').focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Våldsbejakande extremism var uppe på dagordningen').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('meeting-notes');
    await page.keyboard.type('Genomgång av läget i skolorna. Ring mamman på 070-123 45 67.');
    await page.getByRole('button', { name: 'Registrera mötet' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    // Nothing was stored while the notes held a phone number.
    const api = await ctx.request.get(`${e.base}/api/forums`);
    const lbr = ((await api.json()) as { id: string; name: string; meetingsThisYear: number }[]).find((f) => f.name === LBR)!;
    expect(lbr.meetingsThisYear).toBe(countBefore);

    await page.getByLabel('Korta anteckningar').fill('Genomgång av läget i skolorna; inga enskilda ärenden.');
    await page.getByLabel('Protokoll (valfritt)').setInputFiles({ name: 'Protokoll LBR.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('Protokoll LBR Skärholmen')) });
    await page.getByRole('button', { name: 'Registrera mötet' }).click();
    await expectStatus(page, 'Mötet är registrerat.');
    const row = page.getByRole('row', { name: new RegExp(day(-1)) });
    await row.getByRole('link', { name: 'Protokoll LBR.pdf' }).waitFor();
    expect(await row.innerText()).toContain('Ja');
    await expectAccessible(page);

    // The hub counts it.
    await page.goto(`${e.base}/samverkan`);
    await settle(page);
    const after = Number(await page.getByRole('row', { name: new RegExp(LBR) }).getByRole('cell').nth(2).innerText());
    expect(after).toBe(day(-1).slice(0, 4) === String(new Date().getFullYear()) ? countBefore + 1 : countBefore);
    await ctx.close();
  });

  it('removing a meeting asks first, and Avbryt keeps it', async () => {
    const { ctx, page } = await loggedIn(e, 'skarholmen@stockholm.example');
    await page.goto(`${e.base}/samverkan`);
    await settle(page);
    await page.getByRole('link', { name: LBR }).click();
    await heading(page, LBR);
    await settle(page);
    const rows = page.getByRole('table').getByRole('row');
    const before = await rows.count();
    await page.getByRole('button', { name: /^Ta bort mötet/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /Ta bort mötet/ }).waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await rows.count()).toBe(before);
    await page.getByRole('button', { name: /^Ta bort mötet/ }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
    await expectStatus(page, 'Mötet är borttaget.');
    await expect.poll(() => rows.count()).toBe(before - 1);
    await ctx.close();
  });

  it('a partner is registered with a function contact after the form names what is missing, and is found by type', async () => {
    const { ctx, page } = await loggedIn(e, 'skarholmen@stockholm.example');
    await page.goto(`${e.base}/samverkan/parter`);
    await settle(page);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Registrera samverkanspart' }).click();
    await heading(page, 'Registrera samverkanspart');
    await settle(page);
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Ange organisationens namn.', 'Välj typ av organisation.']);
    await expectAccessible(page);

    await page.getByLabel('Organisationens namn').fill('Fritidsgården Skärholmen');
    await page.getByLabel('Typ av organisation').selectOption({ label: 'Förening' });
    await page.getByRole('button', { name: 'Lägg till funktionskontakt' }).click();
    await page.getByLabel('Funktion 1').fill('Verksamhetsledare');
    await page.getByLabel('Funktionsbrevlåda 1').fill('fritidsgarden.skarholmen@exempel.se');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await heading(page, 'Samverkansparter');
    await expectStatus(page, 'Ändringarna är sparade.');
    await page.getByLabel('Typ').selectOption({ label: 'Förening' });
    await page.getByRole('button', { name: 'Visa' }).click();
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: 'Fritidsgården Skärholmen' }).waitFor();
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual(['Fritidsgården Skärholmen']);
    expect(await table.getByRole('row', { name: /Fritidsgården/ }).innerText()).toContain('fritidsgarden.skarholmen@exempel.se');
    expect(page.url()).toContain('typ=association');
    await expectAccessible(page);
    await ctx.close();
  });

  it('an agreement due for review within 60 days is flagged on the hub; a board without a strategy writes one', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/samverkan/overenskommelser/ny`);
    await heading(page, 'Registrera samverkansöverenskommelse');
    await settle(page);
    await page.getByLabel('Överenskommelsens namn').fill('Lokal samverkansöverenskommelse Enskede-Årsta-Vantör');
    // The board's own organisations and the city's are offered; another board's are not.
    const offered = await page.getByRole('group', { name: 'Parter' }).getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    expect(offered.some((l) => l.includes('Polisregion Stockholm'))).toBe(true);
    expect(offered.some((l) => l.includes('Skärholmen'))).toBe(false);
    await page.getByRole('group', { name: 'Parter' }).getByRole('checkbox').first().check();
    await page.getByLabel('Giltig från').fill(day(-300));
    await page.getByLabel('Revideras senast').fill(day(30));
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await heading(page, 'Samverkansöverenskommelser');
    await settle(page);
    expect(await page.getByRole('row', { name: /Enskede-Årsta-Vantör/ }).innerText()).toContain('Revideras snart');
    await expectAccessible(page);

    await page.goto(`${e.base}/samverkan`);
    await settle(page);
    const due = page.getByRole('region', { name: 'Överenskommelser att revidera' });
    await due.getByRole('link', { name: 'Lokal samverkansöverenskommelse Enskede-Årsta-Vantör' }).waitFor();
    // The demo gives Enskede-Årsta-Vantör no strategy: the hub says so, and the coordinator writes one.
    const strategies = page.getByRole('table', { name: 'Nämndernas strategier för samverkan med civilsamhället' });
    expect(await strategies.getByRole('row', { name: /Enskede-Årsta-Vantör/ }).innerText()).toContain('Saknas');
    await strategies.getByRole('link', { name: 'Enskede-Årsta-Vantör' }).click();
    await heading(page, /Strategi för samverkan med civilsamhället – Enskede-Årsta-Vantör/);
    await settle(page);
    await page.getByText('Nämnden har ingen strategi').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Spara strategin' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Skriv målet.' }).waitFor();
    await page.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Föreningar och trossamfund deltar i det förebyggande arbetet i varje stadsdel');
    await page.getByRole('group', { name: 'Insatser som genomför mål 1' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Spara strategin' }).click();
    await expectStatus(page, 'Strategin är sparad.');
    await page.getByRole('heading', { level: 2, name: 'Mål och insatser' }).waitFor();
    await expectAccessible(page);
    await ctx.close();
  });

  it('a board member reads the collaboration pages without any button to change them', async () => {
    const { ctx, page } = await loggedIn(e, 'politiker@stockholm.example');
    await page.goto(`${e.base}/samverkan`);
    await heading(page, 'Samverkan');
    await settle(page);
    expect(await page.getByRole('link', { name: 'Nytt forum' }).count()).toBe(0);
    await page.getByRole('link', { name: LBR }).click();
    await heading(page, LBR);
    await settle(page);
    expect(await page.getByRole('button', { name: 'Registrera mötet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Ta bort mötet/ }).count()).toBe(0);
    await page.goto(`${e.base}/samverkan/parter`);
    await settle(page);
    expect(await page.getByRole('link', { name: 'Registrera samverkanspart' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Ändra / }).count()).toBe(0);
    await expectAccessible(page);
    await ctx.close();
  });
});
