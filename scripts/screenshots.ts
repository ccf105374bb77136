// Takes screenshots of Värna's pages for the docs: `npx tsx scripts/screenshots.ts http://localhost:3000 docs/screenshots [name …]`.
// Runs against a server with the demo data; pages whose address holds an id look it up through the API first.
import { chromium, type APIRequestContext } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base = 'http://localhost:3000', out = 'docs/screenshots', ...only] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

type Get = <T>(path: string) => Promise<T>;
interface Shot {
  who: string;
  /** The page, or how to find it with the logged-in user's API. */
  path: string | ((get: Get) => Promise<string>);
  name: string;
  /** Viewport height (default 900); the shot is the viewport, not the whole page. */
  height?: number;
}

const boardId = async (get: Get, name: string) => (await get<{ id: string; name: string }[]>('/api/boards')).find((b) => b.name === name)!.id;

const shots: Shot[] = [
  { who: 'central@stockholm.example', path: '/', name: 'start' },
  { who: 'admin@stockholm.example', path: '/admin/anvandare', name: 'users' },
  { who: 'admin@stockholm.example', path: '/organisation', name: 'organisation' },
  { who: 'admin@stockholm.example', path: '/logg', name: 'audit' },
  // A local coordinator's follow-up of the board: who has not reported, what is delayed, the analysis.
  { who: 'eav@stockholm.example', path: async (get) => `/uppfoljning/namnd/${await boardId(get, 'Enskede-Årsta-Vantör')}?period=2026-T2`, name: 'followup-board', height: 1300 },
  // The city report for kommunstyrelsen: downloads, key figures, a chart beside its table.
  { who: 'central@stockholm.example', path: '/rapporter', name: 'city-report', height: 1300 },
  // The city-wide situation picture with small counts suppressed.
  { who: 'central@stockholm.example', path: '/lagesbild/staden', name: 'situation-city', height: 1300 },
  // Training coverage against the target, as of the audit's date.
  { who: 'central@stockholm.example', path: '/utbildning?datum=2019-09-04', name: 'training-coverage', height: 1300 },
  // A board's local crime-prevention council: this year's meetings, the meeting form, minutes attached.
  {
    who: 'skarholmen@stockholm.example',
    path: async (get) => `/samverkan/forum/${(await get<{ id: string; name: string }[]>('/api/forums')).find((f) => f.name.startsWith('Lokala brottsförebyggande rådet'))!.id}`,
    name: 'collaboration-forum',
    height: 1300,
  },
  // The de-identified concern form with its privacy notice.
  { who: 'enhetschef@stockholm.example', path: '/rapportera-oro', name: 'concern-form', height: 1100 },
  { who: 'eav@stockholm.example', path: '/aviseringar', name: 'notifications', height: 1000 },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const s of shots.filter((s) => !only.length || only.includes(s.name))) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: s.height ?? 900 } });
  await ctx.request.post(`${base}/api/session`, { data: { email: s.who, password: 'varna-demo-losenord' } });
  const request: APIRequestContext = ctx.request;
  const get: Get = async (path) => (await request.get(base + path)).json();
  const path = typeof s.path === 'string' ? s.path : await s.path(get);
  const page = await ctx.newPage();
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/${s.name}.png`, fullPage: false });
  await ctx.close();
}
if (!only.length || only.includes('login')) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/logga-in`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/login.png` });
}
await browser.close();
