/**
 * The plan's documents carry the board's handling of the plan (issue 14): every meeting with its
 * proposals and reservations whole, read back from the DOCX's XML and with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlanDocx } from './docx.js';
import { eavDocumentModel } from './eav-model.fixture.js';
import type { PlanDocumentModel } from './model.js';
import { DECISIONS_CHAPTER_TITLE, decisionsHtml, planOutline } from './outline.js';
import { renderPlanPdf } from './pdf.js';

const RESERVATION = Array.from({ length: 40 }, (_, i) => `Punkt ${i + 1}: planen saknar åtgärder för bostadsområdet <Rågsved>.`).join('\n\n');

const model: PlanDocumentModel = eavDocumentModel({
  status: 'approved',
  statusLabel: 'Godkänd av kommunstyrelsen',
  decidedOn: '2018-04-19',
  paragraph: '§ 8',
  approvedOn: '2018-05-30',
  approvedParagraph: '§ 17',
  decisions: [
    { meetingOn: '2018-03-15', paragraph: '§ 11', caseNumber: 'EÅV 2018/101', outcome: 'Återremitterad av nämnden', proposals: [{ by: 'Liberalerna', text: 'Återremiss för komplettering.', adopted: true }], reservations: [], attachments: [] },
    {
      meetingOn: '2018-04-19',
      paragraph: '§ 8',
      caseNumber: null,
      outcome: 'Antagen',
      proposals: [
        { by: 'Förvaltningen', text: 'Nämnden godkänner handlingsplanen.', adopted: true },
        { by: 'Moderaterna', text: 'Planen återremitteras.', adopted: false },
      ],
      reservations: [{ party: 'Moderaterna', text: RESERVATION, label: 'Reservation' }],
      attachments: ['protokollsutdrag.pdf'],
    },
  ],
});

function unzipPart(docx: Buffer, part: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'varna-decisions-'));
  try {
    writeFileSync(join(dir, 'plan.docx'), docx);
    return execFileSync('unzip', ['-p', join(dir, 'plan.docx'), part]).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the board’s decisions in the plan documents', () => {
  it('closes the outline with the decisions chapter and names the city board’s approval', () => {
    const o = planOutline(model);
    expect(o.chapters.at(-1)?.title).toBe(DECISIONS_CHAPTER_TITLE);
    expect(o.titlePage.facts).toContainEqual({ label: 'Kommunstyrelsens godkännande', value: '30 maj 2018, § 17' });
    expect(planOutline({ ...model, decisions: [] }).chapters.map((c) => c.title)).not.toContain(DECISIONS_CHAPTER_TITLE);
  });

  it('escapes the texts and keeps every paragraph of a reservation', () => {
    const html = decisionsHtml(model.decisions!);
    expect(html).toContain('&lt;Rågsved&gt;');
    expect(html.match(/Punkt \d+:/g)).toHaveLength(40);
    expect(html).toContain('Förslag av Moderaterna (avslaget)');
  });

  it('the Word file and the PDF show each meeting, the proposals and the whole reservation', async () => {
    const xml = unzipPart(await renderPlanDocx(model), 'word/document.xml');
    for (const s of [DECISIONS_CHAPTER_TITLE, 'Förslag av Moderaterna (avslaget)', 'Reservation: Moderaterna', 'Punkt 40: planen saknar åtgärder', 'Bilagor: protokollsutdrag.pdf']) {
      expect(xml).toContain(s);
    }
    const dir = mkdtempSync(join(tmpdir(), 'varna-decisions-'));
    try {
      writeFileSync(join(dir, 'plan.pdf'), await renderPlanPdf(model));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'plan.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
      for (const s of ['Nämndens behandling av planen', 'Reservation: Moderaterna', 'Punkt 40: planen saknar åtgärder för bostadsområdet <Rågsved>.']) {
        expect(text).toContain(s);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
