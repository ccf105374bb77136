/**
 * Demo public information, helpline log, library and news (issue #16): "where to turn" pages for
 * three district boards, the helpline's contacts over the past year (some boards with few, so the
 * central coordinator sees "<5"), a few library documents as small real PDFs (one for coordinators
 * only, one with two versions) and the quarter's newsletter.
 */
import type { Database } from '../db/database.js';
import { addDays, todayInSweden } from '../domain/calendar.js';
import { tinyPdf } from '../domain/attachments/test-files.js';
import { CALLER_TYPES, ENVIRONMENTS, HELPLINE_TOPICS } from '../domain/hub/helpline.js';
import type { Actor, RoleGrant } from '../domain/policy/index.js';
import { createContact } from '../modules/hub/helpline.service.js';
import { createLibraryItem, createLibraryVersion } from '../modules/hub/library.service.js';
import { createNews } from '../modules/hub/news.service.js';
import { savePublicInfo } from '../modules/hub/public.service.js';

const seedActor = (municipalityId: string, name: string, roles: RoleGrant[]) => ({ system: 'demo-seed', municipalityId, name, roles });

const PAGES: { board: string; mailbox: string; phone: string }[] = [
  { board: 'Rinkeby-Kista', mailbox: 'vbe.rinkeby-kista@stockholm.example', phone: '08-508 010 00' },
  { board: 'Skärholmen', mailbox: 'vbe.skarholmen@stockholm.example', phone: '08-508 240 00' },
  { board: 'Enskede-Årsta-Vantör', mailbox: 'vbe.eav@stockholm.example', phone: '08-508 140 00' },
];

/** Contacts per board over the year: Rinkeby-Kista many, the others few. */
const CONTACTS: Record<string, number> = { 'Rinkeby-Kista': 14, Skärholmen: 6, 'Enskede-Årsta-Vantör': 3 };

const LIBRARY: { title: string; category: 'legal_memo' | 'guide' | 'routine' | 'lecture' | 'template'; audience: 'staff' | 'coordinators'; description: string; text: string }[] = [
  { title: 'Vägledning om symboler och koder', category: 'guide', audience: 'staff', description: 'Symboler, siffror och klädmärken som används i de våldsbejakande miljöerna.', text: 'Symboler och koder inom valdsbejakande extremism' },
  { title: 'Rutin vid oro för att någon dras in i våldsbejakande extremism', category: 'routine', audience: 'staff', description: 'Så gör du en orosanmälan och vem du kontaktar.', text: 'Rutin for orosanmalan och kontakt med samordnaren' },
  { title: 'Juridisk promemoria om informationsutbyte och sekretess', category: 'legal_memo', audience: 'coordinators', description: 'Sekretessbrytande bestämmelser vid samverkan med polisen.', text: 'Sekretess och informationsutbyte mellan socialtjanst skola och polis' },
  { title: 'Föreläsningsmaterial: grundutbildning om våldsbejakande extremism', category: 'lecture', audience: 'staff', description: 'Bilder och talarmanus för arbetsplatsträffar.', text: 'Grundutbildning om radikalisering och vaga riskfaktorer' },
];

export async function seedHub(db: Database, municipalityId: string, boardIds: Map<string, string>): Promise<void> {
  const central = seedActor(municipalityId, 'Central samordnare', [{ role: 'central_coordinator', boardId: null }]);
  const today = todayInSweden();

  for (const p of PAGES) {
    const boardId = boardIds.get(p.board)!;
    await savePublicInfo({
      db,
      actor: central,
      boardId,
      input: {
        text: `Är du orolig för att någon i din närhet dras in i våldsbejakande extremism? Du kan vända dig till stadsdelsförvaltningens samordnare, anonymt om du vill. Vi lyssnar, ger råd och hjälper dig vidare till socialtjänsten, skolan eller polisen.`,
        contacts: [
          { label: 'Samordnare mot våldsbejakande extremism', email: p.mailbox },
          { label: `Stadsdelsförvaltningens växel`, phone: p.phone },
        ],
      },
    });
  }

  let n = 0;
  for (const [name, count] of Object.entries(CONTACTS)) {
    const boardId = boardIds.get(name)!;
    for (let i = 0; i < count; i++, n++) {
      await createContact({
        db,
        actor: central,
        today,
        input: {
          boardId,
          contactedOn: addDays(today, -((i * 23 + n * 7) % 330) - 1),
          callerType: CALLER_TYPES[n % CALLER_TYPES.length],
          topic: HELPLINE_TOPICS[n % 3],
          environment: ENVIRONMENTS[(n * 3) % ENVIRONMENTS.length],
          referredTo: i % 2 ? 'Socialtjänsten' : 'Stadsdelens samordnare',
          note: i % 3 === 0 ? 'Anhörig orolig efter samtal med skolan.' : null,
        },
      });
    }
  }

  // The library's files are uploads: the central coordinator's account publishes them.
  const account = await db.selectFrom('app_user').select(['id', 'email', 'name']).where('municipality_id', '=', municipalityId).where('email', '=', 'central@stockholm.example').executeTakeFirst();
  if (account) {
    const uploader: Actor = { userId: account.id, email: account.email, name: account.name, municipalityId, roles: [{ role: 'central_coordinator', boardId: null }] };
    const maxBytes = 10 * 1024 * 1024;
    for (const d of LIBRARY) {
      const item = await createLibraryItem({
        db,
        actor: uploader,
        fields: { title: d.title, category: d.category, audience: d.audience, description: d.description },
        file: { bytes: tinyPdf(d.text), filename: `${d.title}.pdf` },
        maxBytes,
      });
      if (d.category === 'routine') {
        await createLibraryVersion({ db, actor: uploader, id: item.id, note: 'Uppdaterad med nya kontaktvägar', file: { bytes: tinyPdf(`${d.text} och nya kontaktvagar`), filename: `${d.title} v2.pdf` }, maxBytes });
      }
    }
  }

  await createNews({
    db,
    actor: central,
    today,
    input: {
      title: 'Nyhetsbrev till samordnarna',
      body: 'Lägesbilden för tertialen är sammanställd, nya anvisningar för handlingsplanerna finns i biblioteket och nätverksträffen för samordnare hålls som vanligt i slutet av månaden.',
      publishedOn: addDays(today, -7),
    },
  });
}
