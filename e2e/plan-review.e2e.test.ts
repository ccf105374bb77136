import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardWithPeople, planAt, type BoardWithPeople } from '../test/helpers/factories.js';
import { expectAccessible, loggedIn, startE2E, type E2E } from './helpers.js';

/** Issue 12: the check one can act on, and the review done in one step, by keyboard. */
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the focused element's text or label is `name` (keyboard only, as a user would). */
async function tabTo(page: Page, name: string, max = 200) {
  for (let n = 0; n < max; n++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const byLabel = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (el.getAttribute('aria-label') ?? byLabel ?? el.textContent ?? '').trim();
    });
    if (label === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

const ACTIVITY = { title: 'Qvinnojourens samtalsgrupper', responsible: 'Samordnare', timeline: 'Hela året', followUp: 'Tertial' };

describe('[PLANS] check links and review by keyboard', () => {
  let e: E2E;
  let board: BoardWithPeople;
  beforeAll(async () => {
    e = await startE2E();
    board = await boardWithPeople(e.t, { people: { lc: 'local_coordinator' } });
  });
  afterAll(() => e?.close());

  it('the check is shown at once and its links land on the activity and the section to fix; adopting the incomplete plan asks first, listing what is open', async () => {
    const central = await e.t.login('central@stockholm.example');
    // No measure area: the check fails on the activity; the new plan's sections are empty.
    const plan = await planAt(e.t, { as: board.clients.lc!, central, boardId: board.boardId, status: 'draft', activities: [ACTIVITY] });
    const { ctx, page } = await loggedIn(e, board.emails.lc!);
    await page.goto(`${e.base}/planer/${plan.id}`);
    await page.locator('h1').waitFor();
    const check = page.getByRole('region', { name: 'Planens kontroll' });
    await check.getByText(/Resultat: \d+ av 100/).waitFor();
    await expectAccessible(page);

    await check.getByRole('link', { name: ACTIVITY.title }).first().click();
    await page.waitForFunction((id) => document.activeElement?.id === id, `insats-${plan.activityIds[0]}`);
    expect(await focusedId(page)).toBe(`insats-${plan.activityIds[0]}`);
    expect(page.url()).toContain(`#insats-${plan.activityIds[0]}`);

    const sectionLink = check.getByRole('link', { name: /obligatoriska avsnitt saknar text/ });
    await sectionLink.click();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('avsnitt-'));
    const focused = await focusedId(page);
    // The focused section is the one the check names first, and it holds the link to edit it.
    const title = await page.locator(`#${focused} h3`).innerText();
    expect(await sectionLink.innerText()).toContain(title);
    expect(await page.locator(`#${focused}`).getByRole('link', { name: `Redigera avsnittet ${title}` }).count()).toBe(1);

    // Still there after a reload.
    await page.reload();
    await check.getByText(/Resultat: \d+ av 100/).waitFor();

    await page.getByRole('link', { name: 'Registrera nämndens beslut' }).click();
    await heading(page, /Nämndens beslut/);
    await page.getByLabel('Sammanträdesdatum').fill('2026-11-19');
    await page.getByLabel('Paragraf i protokollet').fill('§ 12');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planen är inte komplett. Registrera att nämnden antog den?' });
    await dialog.waitFor();
    const open = dialog.getByRole('list', { name: 'Punkter som inte är uppfyllda' });
    expect(await open.innerText()).toContain('saknar insatsområde');
    expect(await dialog.innerText()).toMatch(/Planens kontroll ger \d+ av 100/);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Registrera beslutet ändå' }).click();
    await heading(page, /Handlingsplan/);
    await page.locator('.lead').filter({ hasText: 'Beslutad i nämnd' }).waitFor();
    await ctx.close();
  });

  it('the central coordinator reviews by keyboard alone: one Granska, a missing comment caught before confirming, open items in the approval dialog, a comment that points at an activity', async () => {
    const central = await e.t.login('central@stockholm.example');
    const plan = await planAt(e.t, { as: board.clients.lc!, central, boardId: board.boardId, status: 'submitted', activities: [ACTIVITY] });
    const { ctx, page } = await loggedIn(e, 'central@stockholm.example');
    await page.goto(`${e.base}/planer/${plan.id}`);
    await page.locator('h1').waitFor();
    await page.getByRole('button', { name: 'Granska', exact: true }).waitFor();
    await expectAccessible(page);
    await tabTo(page, 'Granska');
    await page.keyboard.press('Enter');
    await heading(page, /^Granska /);
    await page.getByRole('region', { name: 'Planens text' }).getByText(ACTIVITY.title).waitFor();
    await page.getByRole('region', { name: 'Planens kontroll' }).getByText(/Resultat: \d+ av 100/).waitFor();
    await expectAccessible(page);

    // Sending back with nothing written: the form says so, no confirmation is asked for.
    await tabTo(page, 'Skicka åter för komplettering');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Skriv en kommentar eller fyll i granskningen').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectAccessible(page);

    // Criterion 1 assessed (Tab lands on its checked "Inte bedömt"; the arrow key moves on to "Uppfyllt"),
    // its comment about the activity (chosen in the select by typing its first letter).
    await tabTo(page, 'Inte bedömt');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('pass');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await tabTo(page, 'Kommentar till kriterium 1');
    await page.keyboard.type('Insatsen saknar insatsområde.');
    await tabTo(page, 'Kommentaren till kriterium 1 gäller');
    await page.keyboard.type('Q');
    expect(await page.getByLabel('Kommentaren till kriterium 1 gäller').inputValue()).toBe(`activity:${plan.activityIds[0]}`);

    // Approving an incomplete plan: the dialog lists the open items; Escape cancels.
    await tabTo(page, 'Godkänn planen');
    await page.keyboard.press('Enter');
    const approve = page.getByRole('dialog', { name: 'Godkänn planen?' });
    await approve.waitFor();
    expect(await approve.getByRole('list', { name: 'Punkter som inte är uppfyllda' }).innerText()).toContain('saknar insatsområde');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await approve.waitFor({ state: 'hidden' });

    await tabTo(page, 'Skicka åter för komplettering');
    await page.keyboard.press('Enter');
    const back = page.getByRole('dialog', { name: 'Skicka planen åter för komplettering?' });
    await back.waitFor();
    // The dialog opens with focus on its confirm button.
    await page.keyboard.press('Enter');
    await heading(page, /Handlingsplan/);

    // The board's view: the latest review at the top, once; its comment links to the activity.
    const latest = page.getByRole('region', { name: 'Senaste granskningen' });
    await latest.waitFor();
    expect(await latest.innerText()).toContain('Insatsen saknar insatsområde.');
    const timeline = page.getByRole('region', { name: 'Händelser' });
    expect(await timeline.innerText()).not.toContain('Insatsen saknar insatsområde.');
    await expectAccessible(page);
    await latest.getByRole('link', { name: `Gäller: Insats: ${ACTIVITY.title}` }).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, `insats-${plan.activityIds[0]}`);
    await ctx.close();
  });
});
