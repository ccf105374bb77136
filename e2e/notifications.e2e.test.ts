import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { notify } from '../src/modules/notifications/notify.js';
import { expectAccessible, expectStatus, loaded, loggedIn, startE2E, type E2E } from './helpers.js';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const settle = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await loaded(page);
};
const bell = (page: Page, name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });

/** Presses Tab until `found(arg)`, run in the page, holds for the focused element (at most 80 times). */
async function tabTo(page: Page, found: (arg: string) => boolean, arg = ''): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(found, arg)) return;
  }
  throw new Error(`Tab never reached the element (${arg})`);
}

describe('[NOTIFICATIONS] browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  const account = (email: string) =>
    e.t.database.db.selectFrom('app_user').select(['id', 'municipality_id']).where('email', '=', email).executeTakeFirstOrThrow();

  /** Marks what the demo's own reminders may have made as read, so the test counts only its own. */
  async function readAll(ctx: BrowserContext): Promise<void> {
    const me = (await (await ctx.request.get(`${e.base}/api/me`)).json()) as { csrfToken: string };
    const res = await ctx.request.post(`${e.base}/api/notifications/read-all`, { headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status()).toBe(200);
  }

  it('a contributor sees two unread in the bell, opens the list by keyboard alone and marks one read: the bell says 1 – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await readAll(ctx);
    const me = await account('enhetschef@stockholm.example');
    // Two writes, so the news is the newer one (now() is the transaction's time).
    const created =
      (await notify(e.t.database.db, [
        {
          userId: me.id,
          municipalityId: me.municipality_id,
          kind: 'followup_due',
          key: 'e2e:followup',
          title: 'Tertial 1: 2 insatser att rapportera',
          body: 'Sista dagen är om en vecka. Rapportera för Samtalsgrupper och Föräldrastöd.',
          link: '/uppfoljning/mina',
          boardId: await e.t.boardId('Enskede-Årsta-Vantör'),
        },
      ])) +
      (await notify(e.t.database.db, [
        { userId: me.id, municipalityId: me.municipality_id, kind: 'news', key: 'e2e:news', title: 'Nytt nyhetsbrev', body: 'Läs om vårens utbildningar.', link: '/nyheter' },
      ]));
    expect(created).toBe(2);

    await page.goto(`${e.base}/`);
    await settle(page);
    await bell(page, 'Aviseringar 2 olästa').waitFor();
    expect(await page.getByRole('banner').locator('.bell__badge').evaluate((el) => el.firstChild?.textContent)).toBe('2');
    // The link's name begins with what is on screen (WCAG 2.5.3, an axe rule off by default).
    const labelInName = await new AxeBuilder({ page }).include('header').withRules(['label-content-name-mismatch']).analyze();
    expect(labelInName.violations.map((v) => v.id)).toEqual([]);

    // Keyboard only: Tab to the bell, Enter opens the list.
    await tabTo(page, () => document.activeElement?.getAttribute('href') === '/aviseringar' && document.activeElement.closest('header') !== null);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await heading(page, 'Aviseringar');
    await settle(page);
    const list = page.getByRole('list', { name: 'Dina aviseringar' });
    expect(await list.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    // Newest first, unread ones tagged in words, with kind, board and time.
    expect(await list.getByRole('heading', { level: 2 }).first().innerText()).toMatch(/^Nytt nyhetsbrev/);
    const followup = list.getByRole('article', { name: /Tertial 1: 2 insatser att rapportera/ });
    expect(await followup.innerText()).toMatch(/Oläst[\s\S]*Uppföljning att rapportera · Enskede-Årsta-Vantör · Kom \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await followup.getByRole('link', { name: 'Öppna: Tertial 1: 2 insatser att rapportera' }).getAttribute('href')).toBe('/uppfoljning/mina');
    await page.getByText('Du har 2 olästa aviseringar.').waitFor();
    await expectAccessible(page);

    // Tab to the first "Markera som läst" (the news, the newer one) and press Enter.
    await tabTo(page, () => document.activeElement?.getAttribute('aria-label')?.startsWith('Markera som läst:') === true);
    const marked = await page.evaluate(() => document.activeElement!.getAttribute('aria-label')!.replace('Markera som läst: ', ''));
    expect(marked).toBe('Nytt nyhetsbrev');
    await page.keyboard.press('Enter');
    await expectStatus(page, 'Aviseringen är markerad som läst.');
    await bell(page, 'Aviseringar 1 oläst').waitFor();
    await page.getByText('Du har 1 oläst avisering.').waitFor();
    // The button is gone: focus is on the notification's heading, not lost.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nytt nyhetsbrev');
    expect(await list.getByRole('article', { name: /Nytt nyhetsbrev/ }).getByText('Oläst').count()).toBe(0);
    await expectAccessible(page);

    // Mark all: no unread left, the bell says no number.
    await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
    await expectStatus(page, 'Alla aviseringar är markerade som lästa.');
    await bell(page, 'Aviseringar').waitFor();
    expect(await page.getByRole('banner').locator('.bell__badge').count()).toBe(0);
    await page.getByText('Du har läst alla aviseringar.').waitFor();
    expect(await page.getByRole('button', { name: 'Markera alla som lästa' }).count()).toBe(0);

    await ctx.close();
  });

  it('following a notification’s link reads it; a contributor has no link to the deliveries and that page refuses her, inside the layout – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'enhetschef@stockholm.example');
    await readAll(ctx);
    const me = await account('enhetschef@stockholm.example');
    await notify(e.t.database.db, [
      { userId: me.id, municipalityId: me.municipality_id, kind: 'news', key: 'e2e:open', title: 'Ny vägledning', body: 'Om samtal med unga.', link: '/nyheter' },
    ]);
    await page.goto(`${e.base}/aviseringar`);
    await settle(page);
    await bell(page, 'Aviseringar 1 oläst').waitFor();
    await page.getByRole('link', { name: 'Öppna: Ny vägledning' }).click();
    await heading(page, 'Nyheter');
    await bell(page, 'Aviseringar').waitFor();

    await page.goto(`${e.base}/aviseringar`);
    await settle(page);
    expect(await page.getByRole('link', { name: 'Utskick' }).count()).toBe(0);
    await page.goto(`${e.base}/aviseringar/utskick`);
    await heading(page, 'Utskick');
    await page.getByRole('alert').getByText('Sidan är till för den centrala samordnaren.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await expectAccessible(page);
    await ctx.close();
  });

  it('a coordinator without notifications sees the empty list, and on a phone the bell keeps the header within the screen – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'skarholmen@stockholm.example');
    const me = await account('skarholmen@stockholm.example');
    await e.t.database.db.deleteFrom('notification').where('user_id', '=', me.id).execute();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${e.base}/aviseringar`);
    await heading(page, 'Aviseringar');
    await settle(page);
    await page.getByText('Inga aviseringar ännu.').waitFor();
    expect(await page.getByRole('button', { name: 'Markera alla som lästa' }).count()).toBe(0);
    await bell(page, 'Aviseringar').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
    await ctx.close();
  });

  it('the e-mail settings: "Av" for one kind and "Veckosammanfattning" for another by keyboard, saved and kept after a reload – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'eav@stockholm.example');
    await page.goto(`${e.base}/aviseringar`);
    await settle(page);
    await page.getByRole('link', { name: 'Inställningar för aviseringar' }).click();
    await heading(page, 'Inställningar för aviseringar');
    await settle(page);
    // The test installation sends no e-mail: the page says so.
    await page.getByText('E-post är inte påslagen i den här installationen; du får aviseringar här i Värna.').waitFor();
    await expectAccessible(page);

    const form = page.getByRole('form', { name: 'E-post om aviseringar' });
    // A fieldset per kind, the kind's label as its legend.
    expect(await form.locator('fieldset.email-kind > legend').allInnerTexts()).toHaveLength(9);
    const [planKind, newsKind] = ['Planens sista dag', 'Nyheter'];

    /** Tab into the kind's radio group, then arrow keys until `option` is the chosen one. */
    async function choose(kind: string, option: string) {
      await tabTo(page, (legend) => (document.activeElement as HTMLInputElement | null)?.type === 'radio' && document.activeElement!.closest('fieldset')?.querySelector('legend')?.textContent === legend, kind);
      for (let i = 0; i < 4; i++) {
        const label = await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent);
        if (label === option) break;
        await page.keyboard.press('ArrowRight');
      }
      expect(await form.getByRole('group', { name: kind }).getByRole('radio', { name: option }).isChecked()).toBe(true);
    }
    await choose(planKind, 'Av');
    await choose(newsKind, 'Veckosammanfattning');
    await tabTo(page, () => document.activeElement?.textContent === 'Spara inställningarna');
    await page.keyboard.press('Enter');
    await expectStatus(page, 'Inställningarna är sparade.');
    await expectAccessible(page);

    await page.reload();
    await heading(page, 'Inställningar för aviseringar');
    await settle(page);
    expect(await form.getByRole('group', { name: planKind }).getByRole('radio', { name: 'Av' }).isChecked()).toBe(true);
    expect(await form.getByRole('group', { name: newsKind }).getByRole('radio', { name: 'Veckosammanfattning' }).isChecked()).toBe(true);
    const saved = (await (await ctx.request.get(`${e.base}/api/notifications/preferences`)).json()) as { kinds: { label: string; email: string }[] };
    expect(saved.kinds.find((k) => k.label === planKind)?.email).toBe('off');
    expect(saved.kinds.find((k) => k.label === newsKind)?.email).toBe('weekly');
    await ctx.close();
  });

  it('the central coordinator follows the link to the deliveries: what was sent and what failed, in tables – accessible', async () => {
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${e.base}/aviseringar`);
    await settle(page);
    await page.getByRole('link', { name: 'Utskick' }).click();
    await heading(page, 'Utskick');
    await settle(page);
    await page.getByRole('heading', { level: 2, name: 'Skickat' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Utskick som inte gick fram' }).waitFor();
    await expectAccessible(page);

    // With a sent and a failed e-mail in the outbox, both tables show.
    const me = await account('central@stockholm.example');
    const row = { municipality_id: me.municipality_id, user_id: me.id, kind: 'plan_review', recipient: 'central@stockholm.example', subject: 'Planer att granska', text_body: 'x', html_body: '<p>x</p>' };
    await e.t.database.db
      .insertInto('email_outbox')
      .values([
        { ...row, idempotency_key: 'e2e:sent', status: 'sent', attempts: 1, sent_at: new Date() },
        { ...row, idempotency_key: 'e2e:failed', status: 'failed', attempts: 3, last_error: '550 Mailbox unavailable' },
      ])
      .execute();
    await page.reload();
    await heading(page, 'Utskick');
    await settle(page);
    const sent = page.getByRole('table', { name: 'Skickade aviseringar per dag och slag' });
    await sent.getByRole('row', { name: /Planer att granska/ }).waitFor();
    const failed = page.getByRole('table', { name: 'Utskick som inte gick fram' });
    expect(await failed.getByRole('row', { name: /Planer att granska/ }).innerText()).toMatch(/central@stockholm\.example[\s\S]*3[\s\S]*Misslyckades[\s\S]*550 Mailbox unavailable/);
    await expectAccessible(page);

    // Sent again by keyboard: the row leaves the list, a notice says when it goes out, the focus stays in the section.
    await failed.getByRole('button', { name: 'Skicka igen till central@stockholm.example' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Utskicket till central@stockholm.example skickas igen vid nästa körning.').waitFor();
    await page.getByText('Inga utskick har misslyckats.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('failed-heading');
    const retried = await e.t.database.db.selectFrom('email_outbox').select('status').where('idempotency_key', '=', 'e2e:failed').executeTakeFirstOrThrow();
    expect(retried.status).toBe('pending');
    await expectAccessible(page);
    await ctx.close();
  });
});
