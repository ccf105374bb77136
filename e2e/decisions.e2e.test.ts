import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../src/domain/attachments/test-files.js';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

/** Issue 14: the board's meeting recorded as it happened, and read by the board's members. */
const RESERVATION = 'Vi reserverar oss mot beslutet.\n\nPlanen saknar samverkan med bostadsbolagen i Rågsved och Hagsätra.';

describe('[DECISIONS] the board’s handling of its plan in the browser', () => {
  let e: E2E;
  let planId: string;
  const YEAR = 2034;
  const title = `Handlingsplan ${YEAR} – Enskede-Årsta-Vantör`;
  beforeAll(async () => {
    e = await startE2E();
    const c = await e.t.login('eav@stockholm.example');
    const res = await c.post('/api/plans', { boardId: await e.t.boardId('Enskede-Årsta-Vantör'), year: YEAR });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
  });
  afterAll(() => e?.close());

  it('the form explains what is missing and is accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/planer/${planId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // The year's review criteria are there while the board drafts.
    expect(await page.getByRole('region', { name: 'Granskningskriterier' }).innerText()).toContain('Så granskar stadsledningskontoret planen');
    await page.getByRole('link', { name: 'Registrera nämndens beslut' }).click();
    await page.getByRole('heading', { level: 1, name: `Nämndens beslut: ${title}` }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Ange sammanträdets datum.', 'Ange paragraf i protokollet, t.ex. ”§ 12”.']);
    await expectAccessible(page);
    await ctx.close();
  });

  it('records a meeting with a rejected motion to send the plan back and two reservations, with the protocol extract', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/planer/${planId}/beslut`);
    await page.getByRole('heading', { level: 1, name: `Nämndens beslut: ${title}` }).waitFor();
    await page.getByLabel('Sammanträdesdatum').fill('2026-04-20');
    await page.getByLabel('Paragraf i protokollet').fill('§ 8');
    await page.getByLabel('Diarienummer (frivilligt)').fill('EÅV 2026/101');

    await page.getByRole('button', { name: 'Lägg till förslag' }).click();
    const first = page.getByRole('group', { name: 'Förslag 1' });
    await first.getByLabel('Förslaget lades av').fill('Förvaltningen');
    await first.getByLabel('Förslagets text').fill('Nämnden godkänner handlingsplanen.');
    await first.getByLabel('Utfall').selectOption('adopted');
    await page.getByRole('button', { name: 'Lägg till förslag' }).click();
    const motion = page.getByRole('group', { name: 'Förslag 2' });
    await motion.getByLabel('Förslaget lades av').fill('Moderaterna');
    await motion.getByLabel('Förslagets text').fill('Ärendet återremitteras till förvaltningen för komplettering.');
    await motion.getByLabel('Utfall').selectOption('rejected');
    await page.getByLabel('Nämndens beslut', { exact: true }).selectOption('adopted');

    for (const [n, party] of [
      [1, 'Moderaterna'],
      [2, 'Liberalerna'],
    ] as const) {
      await page.getByRole('button', { name: 'Lägg till reservation eller uttalande' }).click();
      const r = page.getByRole('group', { name: `Reservation eller uttalande ${n}` });
      await r.getByLabel('Parti eller ledamot').fill(party);
      await r.getByLabel('Text', { exact: true }).fill(RESERVATION);
    }
    await page.getByLabel('Protokollsutdrag (frivilligt)').setInputFiles({ name: 'protokollsutdrag.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('Protokollsutdrag § 8')) });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    // The plan under decision is a bare draft: adopting it asks first, naming what is missing.
    const confirm = page.getByRole('dialog', { name: /Planen är inte komplett/ });
    expect(await confirm.innerText()).toContain('Planen saknar lokal lägesbild.');
    await confirm.getByRole('button', { name: 'Registrera beslutet ändå' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectStatus(page, 'Nämndens beslut från 2026-04-20 är registrerat');
    await page.locator('.lead').filter({ hasText: 'Beslutad i nämnd' }).waitFor();
    const history = page.getByRole('region', { name: 'Nämndens behandling' });
    await history.getByRole('heading', { name: /Sammanträde 2026-04-20, § 8 – Antagen/ }).waitFor();
    expect(await history.innerText()).toContain('Moderaterna (Avslaget)');
    expect(await history.getByRole('link', { name: 'protokollsutdrag.pdf' }).count()).toBe(1);
    await loaded(page);
    await expectAccessible(page);
    await ctx.close();
  });

  it('a board member reads the whole history, reservations in full, and cannot record', async () => {
    const { ctx, page } = await loggedIn(e, 'politiker@stockholm.example');
    await page.goto(`${e.base}/planer/${planId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const history = page.getByRole('region', { name: 'Nämndens behandling' });
    await history.getByText('Reservation: Liberalerna').click();
    expect(await history.innerText()).toContain('Planen saknar samverkan med bostadsbolagen i Rågsved och Hagsätra.');
    expect(await page.getByRole('link', { name: 'Registrera nämndens beslut' }).count()).toBe(0);
    await expectAccessible(page);
    await ctx.close();
  });
});
