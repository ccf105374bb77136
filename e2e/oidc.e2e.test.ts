import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM, expectAccessible } from './helpers.js';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/helpers/app.js';

/** A free port, taken and released, so both the provider and Värna can know each other's URL up front. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('[AUTH] OpenID Connect login against a real provider', () => {
  let idp: Server;
  let t: TestApp;
  let browser: Browser;
  let varnaBase: string;

  beforeAll(async () => {
    const idpPort = await freePort();
    const varnaPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    varnaBase = `http://127.0.0.1:${varnaPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'varna',
          client_secret: 'varna-test-secret',
          redirect_uris: [`${varnaBase}/api/session/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      // The login form of the provider's dev interactions accepts any name: it becomes the subject,
      // and here also the e-mail claim Värna maps to an account.
      findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, email: sub }) }),
      claims: { openid: ['sub'], email: ['email'] },
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
        redirectUri: `${varnaBase}/api/session/oidc/callback`,
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

  async function loginThroughProvider(login: string) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${varnaBase}/logga-in`);
    await page.getByRole('link', { name: 'Logga in med organisationens inloggning' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // Consent screen of the provider.
    await page.locator('button[type="submit"]').click();
    return { ctx, page };
  }

  it('maps the e-mail claim to the existing account and starts a Värna session', async () => {
    const { ctx, page } = await loginThroughProvider('eav@stockholm.example');
    await page.getByRole('heading', { level: 1, name: 'Välkommen, Erik Lindqvist' }).waitFor();
    // The coordinator's concern inbox loads after the heading: scan the page once it is there.
    await page.getByRole('region', { name: 'Orosrapporter' }).waitFor();
    await expectAccessible(page);
    const me = await ctx.request.get(`${varnaBase}/api/me`);
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe('eav@stockholm.example');
    const audit = await t.database.db.selectFrom('audit_log').select('summary').where('action', '=', 'session.create').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.summary).toEqual({ method: 'oidc' });
    await ctx.close();
  });

  it('refuses a login whose claim matches no account, with a message on the login page', async () => {
    const { ctx, page } = await loginThroughProvider('stranger@elsewhere.example');
    await page.waitForURL(/\/logga-in\?fel=oidc-konto/);
    await page.getByRole('alert').getByText('Det finns inget aktivt konto i Värna för den inloggningen.', { exact: false }).waitFor();
    expect((await ctx.request.get(`${varnaBase}/api/me`)).status()).toBe(401);
    await ctx.close();
  });
});
