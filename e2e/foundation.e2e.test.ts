import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, loaded, loggedIn, startE2E, type E2E, expectStatus } from './helpers.js';

describe('[FOUNDATION] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it('admin logs in, sees the start page, opens users, creates a user and logs out – every page accessible', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.base}/`);
    await page.waitForURL(/\/logga-in$/);
    // The redirect changes the address before the login page renders, and isVisible() does not wait.
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByLabel('E-postadress').fill('admin@stockholm.example');
    await page.getByLabel('Lösenord').fill('varna-demo-losenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Alva Admin' }).waitFor();
    expect(await page.getByRole('region', { name: 'Dina roller' }).innerText()).toContain('Administratör');
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    expect(await page.getByRole('table').innerText()).toContain('eav@stockholm.example');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Skapa användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skapa användare' }).waitFor();
    await expectAccessible(page);
    // Submitting empty shows the error summary linked to each field.
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Ange ett namn.', 'Ange en giltig e-postadress, till exempel namn@kommun.se.', 'Lösenordet måste ha minst 15 tecken.']);
    await expectAccessible(page);

    await page.getByLabel('Namn').fill('Nina Ny');
    await page.getByLabel('E-postadress').fill('nina.ny@stockholm.example');
    await page.getByLabel('Första lösenord').fill('ett-riktigt-langt-losenord');
    await page.getByLabel('Roll', { exact: true }).selectOption('local_coordinator');
    await page.getByLabel('Gäller för').selectOption({ label: 'Farsta' });
    await page.getByRole('button', { name: 'Lägg till rollen' }).click();
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nina Ny' }).waitFor();
    await expectStatus(page, 'Användaren är skapad');
    // The roles are copied into the form by an effect after the users load, and named once the boards load.
    await page.getByRole('group', { name: 'Roller' }).filter({ hasText: 'Lokal samordnare – Farsta' }).waitFor();
    expect(await page.getByRole('group', { name: 'Roller' }).innerText()).toContain('Lokal samordnare – Farsta');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(/\/logga-in$/);
    const me = await ctx.request.get(`${e.base}/api/me`);
    expect(me.status()).toBe(401);
    await ctx.close();
  });

  it('the new account can log in with the password the admin set', async () => {
    const res = await e.t.anonymous.post('/api/session', { email: 'nina.ny@stockholm.example', password: 'ett-riktigt-langt-losenord' });
    expect(res.statusCode).toBe(200);
  });

  it('logs in by keyboard alone: skip link, tab to fields, Enter submits', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.base}/logga-in`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet');
    await page.keyboard.press('Enter');
    const focusAfterSkip = await page.evaluate(() => document.activeElement?.id);
    expect(focusAfterSkip).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    await page.keyboard.type('central@stockholm.example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.type('varna-demo-losenord');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Cecilia Central' }).waitFor();
    // The focus ring is visible on keyboard focus (WCAG 2.4.7).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await ctx.close();
  });

  it('shows a wrong password as an error summary, in Swedish, without leaving the page', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.base}/logga-in`);
    await page.getByLabel('E-postadress').fill('central@stockholm.example');
    await page.getByLabel('Lösenord').fill('fel-losenord-fel-fel');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').getByText('Fel e-postadress eller lösenord.').waitFor();
    await expectAccessible(page);
    await ctx.close();
  });

  // One test per role: each walks every page of its menu (which grows with each capability).
  for (const email of ['central@stockholm.example', 'enhetschef@stockholm.example', 'revisor@stockholm.example', 'admin@stockholm.example']) {
    it(`every page in the menu of ${email} passes axe`, { timeout: 240_000 }, async () => {
      const { ctx, page } = await loggedIn(e, email);
      await page.goto(`${e.base}/`);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
      const links = await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of [...links, `${e.base}/organisation/${await e.t.boardId('Skärholmen')}`, `${e.base}/finns-inte`]) {
        await page.goto(href);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await loaded(page);
        await expectAccessible(page);
      }
      await ctx.close();
    });
  }

  it('switches to English and stays accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'politiker@stockholm.example');
    await page.goto(`${e.base}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Per Politiker' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page);
    await ctx.close();
  });

  it('asks for confirmation before deactivating an account, and Escape cancels', async () => {
    const { ctx, page } = await loggedIn(e, 'admin@stockholm.example');
    const user = await e.t.database.db.selectFrom('app_user').select('id').where('email', '=', 'skarholmen@stockholm.example').executeTakeFirstOrThrow();
    await page.goto(`${e.base}/admin/anvandare/${user.id}`);
    await page.getByRole('button', { name: 'Inaktivera kontot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inaktivera kontot för Samira Haddad?' });
    await dialog.waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await e.t.database.db.selectFrom('app_user').select('active').where('id', '=', user.id).executeTakeFirstOrThrow()).active).toBe(true);
    await page.getByRole('button', { name: 'Inaktivera kontot' }).click();
    await dialog.getByRole('button', { name: 'Inaktivera kontot' }).click();
    await page.getByRole('status').getByText('Kontot är inaktiverat.').waitFor();
    expect((await e.t.database.db.selectFrom('app_user').select('active').where('id', '=', user.id).executeTakeFirstOrThrow()).active).toBe(false);
    await ctx.close();
  });

  it('an admin renames a unit on the board page, and the change is in the audit log', async () => {
    const { ctx, page } = await loggedIn(e, 'admin@stockholm.example');
    const board = await e.t.boardId('Farsta');
    await page.goto(`${e.base}/organisation/${board}`);
    await page.getByRole('heading', { level: 1, name: 'Farsta' }).waitFor();
    await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Fritidsgårdar' });
    await page.getByRole('button', { name: 'Byt namn' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Ange ett namn.' }).waitFor();
    await page.getByLabel('Nytt namn').fill('Fritidsgårdar och parklek');
    await page.getByRole('button', { name: 'Byt namn' }).click();
    await expectStatus(page, 'Enheten heter nu Fritidsgårdar och parklek.');
    // The notice shows before the units have reloaded: until then the tree shows the old name.
    await page.getByRole('region', { name: 'Förvaltning, avdelningar och enheter' }).filter({ hasText: 'Fritidsgårdar och parklek' }).waitFor();
    expect(await page.getByRole('region', { name: 'Förvaltning, avdelningar och enheter' }).innerText()).toContain('Fritidsgårdar och parklek');
    await expectAccessible(page);
    const entry = await e.t.database.db.selectFrom('audit_log').select(['action', 'summary']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'units.update', summary: { from: { name: 'Fritidsgårdar' }, to: { name: 'Fritidsgårdar och parklek' } } });
    await ctx.close();
  });
});
