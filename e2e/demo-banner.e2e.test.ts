import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../src/demo/accounts.js';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

describe('[DEPLOY] the Demoläge banner', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('says Demoläge on the login page and on every page after login while demo accounts exist', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.base}/logga-in`);
    const banner = page.getByRole('complementary', { name: 'Demoläge' });
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(/Demoläge\..*använd dem aldrig på riktigt/);
    await expectAccessible(page);
    await ctx.close();

    const admin = await loggedIn(e, 'admin@stockholm.example');
    await admin.page.goto(`${e.base}/admin/anvandare`);
    await admin.page.getByRole('heading', { level: 1 }).waitFor();
    await loaded(admin.page);
    await admin.page.getByRole('complementary', { name: 'Demoläge' }).waitFor();
    await expectAccessible(admin.page);
    await admin.ctx.close();
  });

  it('shows no banner once the demo accounts are deactivated (a real installation)', async () => {
    const admin = await e.t.login('admin@stockholm.example');
    const created = await admin.post('/api/users', {
      email: 'riktig.admin@kommun.example',
      name: 'Riktig Admin',
      password: 'ett-langt-losenord-for-prov',
      roles: [{ role: 'admin' }],
    });
    expect(created.statusCode).toBe(201);
    await e.t.database.db.updateTable('app_user').set({ active: false }).where('email', 'in', DEMO_EMAILS).execute();

    const ctx = await e.browser.newContext();
    const res = await ctx.request.post(`${e.base}/api/session`, { data: { email: 'riktig.admin@kommun.example', password: 'ett-langt-losenord-for-prov' } });
    expect(res.status()).toBe(200);
    const page = await ctx.newPage();
    // The banner depends on GET /api/instance: wait for its answer, so "no banner" is not just "not yet".
    const instance = page.waitForResponse((r) => r.url().endsWith('/api/instance'));
    await page.goto(`${e.base}/`);
    expect(await (await instance).json()).toMatchObject({ demo: false });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await loaded(page);
    expect(await page.getByRole('complementary', { name: 'Demoläge' }).count()).toBe(0);
    expect(await page.getByText('Demoläge').count()).toBe(0);
    await ctx.close();
  });
});
