// Takes screenshots of Värna's pages for the docs: `npx tsx scripts/screenshots.ts http://localhost:3000 docs/screenshots`.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base = 'http://localhost:3000', out = 'docs/screenshots', ...only] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const shots: { who: string; path: string; name: string }[] = [
  { who: 'central@stockholm.example', path: '/', name: 'start' },
  { who: 'admin@stockholm.example', path: '/admin/anvandare', name: 'users' },
  { who: 'admin@stockholm.example', path: '/organisation', name: 'organisation' },
  { who: 'admin@stockholm.example', path: '/logg', name: 'audit' },
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const s of shots.filter((s) => !only.length || only.includes(s.name))) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.request.post(`${base}/api/session`, { data: { email: s.who, password: 'varna-demo-losenord' } });
  const page = await ctx.newPage();
  await page.goto(base + s.path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/${s.name}.png`, fullPage: false });
  await ctx.close();
}
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${base}/logga-in`, { waitUntil: 'networkidle' });
await page.screenshot({ path: `${out}/login.png` });
await browser.close();
