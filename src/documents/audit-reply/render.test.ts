/**
 * The board's reply as a Word memo, opened by a real reader: LibreOffice converts it to PDF and
 * pdftotext reads it back. Needs `soffice` and `pdftotext` (installed by .ci/run).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { libreOffice, pdfText } from '../../../test/helpers/readers.js';
import { renderReplyDocx } from './docx.js';
import { replyOutline, type ReplyDocumentInput } from './model.js';

/** Enskede-Årsta-Vantör's reply to audit 2/2019, as the demo drafts it. */
const EAV_REPLY: ReplyDocumentInput = {
  municipality: 'Stockholms stad',
  boardName: 'Enskede-Årsta-Vantör',
  administration: 'Enskede-Årsta-Vantör stadsdelsförvaltning',
  date: '2020-02-10',
  caseNumber: 'EÅV 2019/412',
  handler: 'Erik Lindqvist',
  report: {
    title: 'Stadens arbete mot våldsbejakande extremism',
    number: '2/2019',
    issuedOn: '2019-11-19',
    replyDue: '2020-02-28',
    scope: 'Granskningen har besvarat om styrelser och nämnder bedriver ett strukturerat arbete för att motverka våldsbejakande extremism.',
    attachments: ['Revisionsrapport 2-2019.pdf'],
  },
  decision: { decidedOn: '2020-02-20', paragraph: '§ 9' },
  recommendations: [
    {
      position: 1,
      text: 'Säkerställ att berörda medarbetare fullföljer stadens webbaserade utbildning om våldsbejakande extremism.',
      reply: 'Nämnden instämmer. 208 av cirka 2 679 medarbetare har genomfört utbildningen. Alla chefer ska se till att medarbetarna genomför den under 2020, först förskolan och därefter äldreomsorgen.',
      measures: [
        { title: 'Förskolans personal genomför grundutbildningen', responsible: 'Avdelningschef förskola', dueOn: '2020-06-30', status: 'ongoing', waiting: false, waitingFor: null, activity: 'handlingsplanen 2020: Grundutbildning för förskolans personal' },
        { title: 'Äldreomsorgens personal genomför grundutbildningen', responsible: 'Avdelningschef äldreomsorg', dueOn: '2020-12-31', status: 'planned', waiting: false, waitingFor: null, activity: null },
      ],
    },
    {
      position: 2,
      text: 'Förtydliga hur samverkan med civilsamhället i arbetet mot våldsbejakande extremism ska utvecklas.',
      reply: 'Förvaltningen tar fram en strategi när kommunstyrelsens vägledning finns.',
      measures: [
        { title: 'Strategi för samverkan med civilsamhället', responsible: 'Lokal samordnare', dueOn: '2020-10-31', status: 'planned', waiting: true, waitingFor: 'Kommunstyrelsens vägledning om samverkan med civilsamhället', activity: null },
      ],
    },
  ],
};

describe('[AUDIT-TRACKING] the reply memo’s words', () => {
  it('has the memo’s headings in order, the proposed decision and a summary with the figures', () => {
    const o = replyOutline(EAV_REPLY);
    expect(o.header.kind).toBe('Tjänsteutlåtande');
    expect(o.header.rows).toEqual([
      { label: 'Dnr', value: 'EÅV 2019/412' },
      { label: 'Datum', value: '10 februari 2020' },
      { label: 'Handläggare', value: 'Erik Lindqvist' },
    ]);
    expect(o.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['Förslag till beslut', 'Sammanfattning', 'Ärendet', 'Bilagor']);
    const text = JSON.stringify(o.blocks);
    expect(text).toContain('Enskede-Årsta-Vantör godkänner förvaltningens tjänsteutlåtande som svar på revisionsrapport nr 2/2019');
    expect(text).toContain('Förvaltningen föreslår 3 åtgärder, varav 1 genomförs som insatser i nämndens handlingsplan mot våldsbejakande extremism och 1 väntar på beslut eller underlag från andra.');
    expect(o.fileName).toBe('yttrande-2-2019-enskede-arsta-vantor');
  });

  it('says when a reply is still to be written instead of leaving a gap', () => {
    const o = replyOutline({ ...EAV_REPLY, decision: null, recommendations: [{ position: 1, text: 'Utveckla rapporteringen.', reply: null, measures: [] }] });
    expect(JSON.stringify(o.blocks)).toContain('Svar på rekommendationen är inte skrivet ännu.');
    expect(JSON.stringify(o.blocks)).toContain('Förvaltningen föreslår inga nya åtgärder');
  });
});

describe('[AUDIT-TRACKING] the reply memo opened by LibreOffice', () => {
  let text = '';

  beforeAll(async () => {
    text = (await pdfText(await libreOffice(await renderReplyDocx(EAV_REPLY), 'docx', 'pdf'), { layout: false })).replace(/\s+/g, ' ');
  }, 180_000);

  it('opens, with the header block, the headings and every recommendation’s answer, å, ä and ö intact', () => {
    for (const words of [
      'Enskede-Årsta-Vantör stadsdelsförvaltning',
      'Tjänsteutlåtande',
      'Dnr: EÅV 2019/412',
      'Handläggare: Erik Lindqvist',
      'Till Enskede-Årsta-Vantör',
      'Yttrande över revisionsrapport nr 2/2019',
      'Förslag till beslut',
      'Sammanfattning',
      'Ärendet',
      'Rekommendation 1',
      'Rekommendation 2',
      '208 av cirka 2 679 medarbetare har genomfört utbildningen',
      'Nämnden beslutade 20 februari 2020, § 9',
      'Revisionsrapport 2-2019.pdf',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/[ÃÂ]\S|�/);
  });

  it('lays the measures out as a table with its columns, the link to the plan and what a measure waits for', () => {
    for (const words of ['Åtgärd', 'Ansvarig', 'Klart senast', 'Koppling', 'Status', 'Förskolans personal genomför grundutbildningen', 'Avdelningschef förskola', '30 juni 2020', 'Pågår', 'Väntar (planerad)']) {
      expect(text).toContain(words);
    }
    expect(text.replace(/-\s/g, '')).toMatch(/Insats i handlingsplanen 2020: Grundutbildning för förskolans personal/);
    expect(text).toMatch(/Väntar på: Kommunstyrelsens vägledning om samverkan med civilsamhället/);
    expect(text).toMatch(/Sida 1 av \d/);
  });
});
