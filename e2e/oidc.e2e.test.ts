import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { CHROMIUM, expectAccessible } from './helpers.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/helpers/app.js';

/** A free port, taken and released, so both the provider and Värna can know each other's URL up front. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

const CALLBACK_PATH = '/api/session/oidc/callback';
const FAILED = 'Inloggningen via organisationens inloggning misslyckades.';

describe('[AUTH] OpenID Connect login against a real provider', () => {
  let idp: Server;
  let t: TestApp;
  let browser: Browser;
  let varnaBase: string;
  let issuer: string;
  /**
   * What the provider says about each subject. The provider's dev login form accepts any name and
   * makes it the subject; a subject not listed here gets its own name as a verified e-mail.
   */
  const directory = new Map<string, { email?: string; email_verified?: unknown }>();

  beforeAll(async () => {
    const idpPort = await freePort();
    const varnaPort = await freePort();
    issuer = `http://127.0.0.1:${idpPort}`;
    varnaBase = `http://127.0.0.1:${varnaPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'varna',
          client_secret: 'varna-test-secret',
          redirect_uris: [`${varnaBase}${CALLBACK_PATH}`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      findAccount: async (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: async () => ({ sub, email: sub, email_verified: true, ...directory.get(sub) }),
      }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      conformIdTokenClaims: false,
      cookies: { keys: ['test-cookie-key'] },
      pkce: { required: () => true },
    });
    idp = provider.listen(idpPort);

    t = await startTestApp('pglite', {
      oidc: {
        issuer,
        clientId: 'varna',
        clientSecret: 'varna-test-secret',
        redirectUri: `${varnaBase}${CALLBACK_PATH}`,
        claim: 'email',
        allowHttp: true,
      },
    });
    await t.app.listen({ port: varnaPort, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    idp?.close();
  });

  /**
   * Starts at Värna's login page and goes through the provider's login and consent screens.
   * `beforeConsent` runs while the browser is at the provider, after Värna set its state cookie and
   * before the provider sends the browser back. Returns the callback URL the provider sent.
   */
  async function throughProvider(page: Page, login: string, beforeConsent?: () => Promise<void>) {
    let callbackUrl = '';
    page.on('request', (r) => {
      if (r.url().startsWith(`${varnaBase}${CALLBACK_PATH}?`)) callbackUrl = r.url();
    });
    await page.goto(`${varnaBase}/logga-in`);
    await page.getByRole('link', { name: 'Logga in med organisationens inloggning' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // Consent screen of the provider.
    await page.locator('button[type="submit"]').waitFor();
    await beforeConsent?.();
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => callbackUrl).toContain('code=');
    return callbackUrl;
  }

  async function loginThroughProvider(login: string) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const callbackUrl = await throughProvider(page, login);
    return { ctx, page, callbackUrl };
  }

  async function stateCookie(ctx: BrowserContext) {
    const c = (await ctx.cookies(varnaBase)).find((x) => x.name.includes('oidc'));
    if (!c) throw new Error('no OIDC state cookie');
    return c;
  }

  async function userId(email: string) {
    return (await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  }

  async function bindingsOf(email: string) {
    return t.database.db.selectFrom('user_identity').select(['issuer', 'subject']).where('user_id', '=', await userId(email)).execute();
  }

  async function sessionCount(email: string) {
    const r = await t.database.db.selectFrom('session').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', await userId(email)).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async function lastAudit(action: string) {
    return t.database.db.selectFrom('audit_log').select(['entity_id', 'summary']).where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }

  async function expectRefused(ctx: BrowserContext, page: Page, fel: string, message: string) {
    await page.waitForURL(new RegExp(`/logga-in\\?fel=${fel}$`));
    await page.getByRole('alert').getByText(message, { exact: false }).waitFor();
    expect((await ctx.request.get(`${varnaBase}/api/me`)).status()).toBe(401);
  }

  it('binds a verified first login to the account by issuer and subject and starts a Värna session', async () => {
    directory.set('idp-erik', { email: 'eav@stockholm.example', email_verified: true });
    const { ctx, page } = await loginThroughProvider('idp-erik');
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Erik Lindqvist' }).waitFor();
    // The coordinator's concern inbox loads after the heading: scan the page once it is there.
    await page.getByRole('region', { name: 'Orosrapporter', exact: true }).waitFor();
    await expectAccessible(page);
    const me = await ctx.request.get(`${varnaBase}/api/me`);
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe('eav@stockholm.example');
    expect(await bindingsOf('eav@stockholm.example')).toEqual([{ issuer, subject: 'idp-erik' }]);
    const bind = await lastAudit('session.oidc_bind');
    expect(bind).toEqual({ entity_id: await userId('eav@stockholm.example'), summary: { issuer, subject: 'idp-erik' } });
    expect((await lastAudit('session.create'))?.summary).toEqual({ method: 'oidc' });
    await ctx.close();
  });

  it('refuses a login whose claim matches no account, with a message on the login page', async () => {
    const { ctx, page } = await loginThroughProvider('stranger@elsewhere.example');
    await expectRefused(ctx, page, 'oidc-konto', 'Det finns inget aktivt konto i Värna för den inloggningen.');
    await ctx.close();
  });

  it('lets the binding decide later logins: an e-mail changed at the provider does not move the login to another account', async () => {
    directory.set('idp-erik', { email: 'central@stockholm.example', email_verified: true });
    const { ctx, page } = await loginThroughProvider('idp-erik');
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Erik Lindqvist' }).waitFor();
    expect((await (await ctx.request.get(`${varnaBase}/api/me`)).json()).user.email).toBe('eav@stockholm.example');
    expect(await bindingsOf('central@stockholm.example')).toEqual([]);
    directory.set('idp-erik', { email: 'eav@stockholm.example', email_verified: true });
    await ctx.close();
  });

  it('refuses an e-mail the provider has not verified, explains why and binds nothing', async () => {
    directory.set('idp-central', { email: 'central@stockholm.example', email_verified: false });
    const { ctx, page } = await loginThroughProvider('idp-central');
    await expectRefused(ctx, page, 'oidc-epost', 'Organisationens inloggning har inte bekräftat din e-postadress');
    await expectAccessible(page);
    expect(await bindingsOf('central@stockholm.example')).toEqual([]);
    expect(await sessionCount('central@stockholm.example')).toBe(0);
    expect(await lastAudit('session.oidc_refused')).toEqual({
      entity_id: await userId('central@stockholm.example'),
      summary: { reason: 'unverified_email', issuer },
    });
    await ctx.close();
  });

  it('refuses a second subject presenting the e-mail of an account already bound to another subject', async () => {
    directory.set('idp-someone-else', { email: 'eav@stockholm.example', email_verified: true });
    const sessionsBefore = await sessionCount('eav@stockholm.example');
    const { ctx, page } = await loginThroughProvider('idp-someone-else');
    await expectRefused(ctx, page, 'oidc-bunden', 'Ditt konto i Värna är redan kopplat till en annan användare');
    expect(await bindingsOf('eav@stockholm.example')).toEqual([{ issuer, subject: 'idp-erik' }]);
    expect(await sessionCount('eav@stockholm.example')).toBe(sessionsBefore);
    expect((await lastAudit('session.oidc_refused'))?.summary).toEqual({ reason: 'bound_to_other_subject', issuer });
    await ctx.close();
  });

  it('refuses a bound subject whose account has been deactivated', async () => {
    await t.database.db.updateTable('app_user').set({ active: false }).where('email', '=', 'eav@stockholm.example').execute();
    try {
      const { ctx, page } = await loginThroughProvider('idp-erik');
      await expectRefused(ctx, page, 'oidc-konto', 'Det finns inget aktivt konto i Värna för den inloggningen.');
      expect((await lastAudit('session.oidc_refused'))?.summary).toEqual({ reason: 'inactive', issuer });
      await ctx.close();
    } finally {
      await t.database.db.updateTable('app_user').set({ active: true }).where('email', '=', 'eav@stockholm.example').execute();
    }
  });

  it('refuses a callback whose ID token nonce is not the one this browser asked for', async () => {
    directory.set('idp-skarholmen', { email: 'skarholmen@stockholm.example', email_verified: true });
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // Keep state and PKCE verifier, swap the nonce, and sign the cookie with Värna's key as the
    // server would: only the nonce check can refuse this callback.
    await throughProvider(page, 'idp-skarholmen', async () => {
      const cookie = await stateCookie(ctx);
      const unsigned = t.app.unsignCookie(decodeURIComponent(cookie.value));
      expect(unsigned.valid).toBe(true);
      const [state, verifier, nonce] = unsigned.value!.split('.');
      expect(nonce).toBeTruthy();
      const forged = t.app.signCookie(`${state}.${verifier}.${randomBytes(32).toString('base64url')}`);
      await ctx.addCookies([{ name: cookie.name, value: encodeURIComponent(forged), url: varnaBase }]);
    });
    await expectRefused(ctx, page, 'oidc', FAILED);
    expect(await sessionCount('skarholmen@stockholm.example')).toBe(0);
    expect(await bindingsOf('skarholmen@stockholm.example')).toEqual([]);
    await ctx.close();
  });

  it('refuses a callback URL sent a second time, with or without the original state cookie', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    let original: Awaited<ReturnType<typeof stateCookie>> | undefined;
    const callbackUrl = await throughProvider(page, 'idp-skarholmen', async () => {
      original = await stateCookie(ctx);
    });
    // The first use logs in.
    await page.getByRole('heading', { level: 1, name: /^Välkommen/ }).waitFor();
    expect(await sessionCount('skarholmen@stockholm.example')).toBe(1);

    // Replayed in a fresh browser that has no state cookie.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(callbackUrl);
    await expectRefused(other, otherPage, 'oidc', FAILED);

    // Replayed with the original state cookie put back: the provider has spent the code.
    await other.addCookies([{ name: original!.name, value: original!.value, url: varnaBase }]);
    await otherPage.goto(callbackUrl);
    await expectRefused(other, otherPage, 'oidc', FAILED);
    expect(await sessionCount('skarholmen@stockholm.example')).toBe(1);
    await other.close();
    await ctx.close();
  });
});
