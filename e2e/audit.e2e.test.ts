import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

describe('[AUDIT] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('the auditor checks the chain, is told what cannot be shown without an anchor, and sees no categories of a concern report', async () => {
    const filer = await e.t.login('enhetschef@stockholm.example');
    const filed = await filer.post('/api/concerns', {
      boardId: await e.t.boardId('Enskede-Årsta-Vantör'),
      occurredOn: new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10),
      type: 'graffiti',
      environment: 'white_power',
      description: 'Klistermärken med vit makt-budskap vid busshållplats i Rågsved',
    });
    expect(filed.statusCode).toBe(201);

    const { ctx, page } = await loggedIn(e, 'revisor@stockholm.example');
    await page.goto(`${e.base}/logg`);
    await page.getByRole('heading', { level: 1, name: 'Logg' }).waitFor();
    await loaded(page);
    await page.getByRole('button', { name: 'Kontrollera loggens kedja' }).click();
    await expectStatus(page, 'Inget ankare är konfigurerat (VARNA_AUDIT_ANCHOR): att slutet av loggen inte har kapats kan inte visas.');
    expect(await page.getByRole('status').first().innerText()).toMatch(/^Loggen är oförändrad: \d+ poster kontrollerade\./);

    // Each entry is a sentence in Swedish, its time in Swedish time; the stored details are folded away.
    const row = page.getByRole('row').filter({ hasText: 'Elin Enhetschef lämnade en orosrapport till Enskede-Årsta-Vantör.' }).filter({ hasText: '(rapportens kategorier visas bara inom nämnden)' });
    await row.first().waitFor();
    expect(await row.first().innerText()).not.toMatch(/graffiti|white_power|occurredOn|concerns\.create|\{/);
    expect(await row.first().locator('time').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await row.first().locator('summary').click();
    expect(await row.first().innerText()).toContain('enhetschef@stockholm.example');
    await expectAccessible(page);
    await ctx.close();
  });
});
