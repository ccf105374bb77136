import { describe, expect, it } from 'vitest';
import { boardNameVariants, matchOrg, type BoardRef, type UnitRef } from './match.js';
import type { OrgRef } from './parse-headcounts.js';

const boards: BoardRef[] = [
  { id: 'b-eav', name: 'Enskede-Årsta-Vantör', code: 'SDF-EAV' },
  { id: 'b-hl', name: 'Hägersten-Liljeholmen', code: null },
  { id: 'b-soc', name: 'Socialnämnden', code: '400' },
  { id: 'b-far', name: 'Farsta', code: null },
];
const units: UnitRef[] = [
  { id: 'u-eav-ifo', boardId: 'b-eav', name: 'Individ- och familjeomsorg', code: 'EAV-30' },
  { id: 'u-eav-fsk', boardId: 'b-eav', name: 'Förskoleavdelningen', code: null },
  { id: 'u-far-ifo', boardId: 'b-far', name: 'Individ- och familjeomsorg', code: 'FAR-30' },
];

let line = 1;
const row = (board: string, unit: string | null = null, codes: { boardCode?: string; unitCode?: string } = {}): OrgRef => ({
  line: ++line,
  board,
  boardCode: codes.boardCode ?? null,
  unit,
  unitCode: codes.unitCode ?? null,
});

describe('board matching', () => {
  it.each([
    ['Enskede-Årsta-Vantör', 'b-eav'],
    ['enskede-årsta-vantör', 'b-eav'],
    ['ENSKEDE - ÅRSTA - VANTÖR', 'b-eav'],
    ['Enskede Arsta Vantor', 'b-eav'],
    ['EnskedeÅrstaVantör', 'b-eav'],
    ['Enskede-Årsta-Vantörs stadsdelsförvaltning', 'b-eav'],
    ['Enskede-Årsta-Vantörs stadsdelsnämnd', 'b-eav'],
    ['Enskede-Årsta-Vantör sdf', 'b-eav'],
    ['SDN Enskede-Årsta-Vantör', 'b-eav'],
    ['EÅV sdf', 'b-eav'],
    ['sdf-eav', 'b-eav'],
    ['Hägersten-Liljeholmens stadsdelsförvaltning', 'b-hl'],
    ['Socialförvaltningen', 'b-soc'],
    ['socialnämnden', 'b-soc'],
    ['400', 'b-soc'],
    ['Social', 'b-soc'],
    ['Farsta stadsdelsförvaltning', 'b-far'],
  ])('%j → %s', (name, boardId) => {
    const r = matchOrg([row(name)], boards, units);
    expect(r.unmatched).toEqual([]);
    expect(r.matched[0]).toMatchObject({ boardId, unitId: null });
  });

  it.each(['Skarpnäck', 'Enskede', 'Årsta-Vantör', 'Soc', 'Stadsdelsförvaltningen'])('does not guess %j', (name) => {
    const r = matchOrg([row(name)], boards, units);
    expect(r.matched).toEqual([]);
    expect(r.unmatched).toMatchObject([{ kind: 'board', name, key: name, ambiguous: false }]);
  });

  it('matches by a board code column before the name', () => {
    const r = matchOrg([row('Något helt annat', null, { boardCode: 'sdf-eav' })], boards, units);
    expect(r.matched[0].boardId).toBe('b-eav');
  });

  it('does not guess when a name fits two boards', () => {
    const two: BoardRef[] = [
      { id: 'x1', name: 'Kulturnämnden', code: null },
      { id: 'x2', name: 'Kulturförvaltningen', code: null },
    ];
    const r = matchOrg([row('Kultur')], two, []);
    expect(r.unmatched).toMatchObject([{ kind: 'board', name: 'Kultur', ambiguous: true }]);
    expect(matchOrg([row('Kulturnämnden')], two, []).matched[0].boardId).toBe('x1');
  });

  it('lists each unmatched name once with all its lines, and applies the mapping', () => {
    line = 1;
    const rows = [row('Skarpnäcks sdf', 'IFO'), row('Farsta', 'Individ- och familjeomsorg'), row('skarpnäcks SDF', null), row('Okänd')];
    const first = matchOrg(rows, boards, units);
    expect(first.unmatched).toEqual([
      { kind: 'board', name: 'Skarpnäcks sdf', key: 'Skarpnäcks sdf', ambiguous: false, lines: [2, 4] },
      { kind: 'board', name: 'Okänd', key: 'Okänd', ambiguous: false, lines: [5] },
    ]);
    expect(first.matched.map((m) => m.line)).toEqual([3]);

    const second = matchOrg(rows, boards, units, { 'Skarpnäcks sdf': 'b-far', Okänd: 'no-such-board' });
    expect(second.matched.map((m) => [m.line, m.boardId, m.unitId])).toEqual([
      [3, 'b-far', 'u-far-ifo'],
      [4, 'b-far', null],
    ]);
    expect(second.unmatched).toMatchObject([
      { kind: 'unit', name: 'IFO', boardId: 'b-far', lines: [2] },
      { kind: 'board', name: 'Okänd', lines: [5] },
    ]);
  });
});

describe('unit matching', () => {
  it('matches within the board by code or name, ignoring case, diacritics and spaces', () => {
    line = 1;
    const r = matchOrg(
      [
        row('Enskede-Årsta-Vantör', 'INDIVID- OCH FAMILJEOMSORG'),
        row('Enskede-Årsta-Vantör', 'forskoleavdelningen'),
        row('Enskede-Årsta-Vantör', 'eav-30'),
        row('Enskede-Årsta-Vantör', 'Individ- och familjeomsorg', { unitCode: 'EAV-30' }),
        row('Farsta', 'Individ-  och familjeomsorg'),
        row('Farsta', 'FAR-30', { unitCode: 'FAR-30' }),
      ],
      boards,
      units,
    );
    expect(r.unmatched).toEqual([]);
    expect(r.matched.map((m) => m.unitId)).toEqual(['u-eav-ifo', 'u-eav-fsk', 'u-eav-ifo', 'u-eav-ifo', 'u-far-ifo', 'u-far-ifo']);
  });

  it('never takes a unit of another board, and maps an unknown unit name', () => {
    line = 1;
    const rows = [row('Enskede-Årsta-Vantör', 'FAR-30'), row('EÅV', 'IFO'), row('Enskede-Årsta-Vantör', 'ifo')];
    const r = matchOrg(rows, boards, units);
    expect(r.matched).toEqual([]);
    expect(r.unmatched).toEqual([
      { kind: 'unit', name: 'FAR-30', boardId: 'b-eav', key: 'b-eav/far30', ambiguous: false, lines: [2] },
      { kind: 'unit', name: 'IFO', boardId: 'b-eav', key: 'b-eav/ifo', ambiguous: false, lines: [3, 4] },
    ]);
    const mapped = matchOrg(rows, boards, units, { 'b-eav/ifo': 'u-eav-ifo', 'b-eav/far30': 'u-far-ifo' });
    expect(mapped.matched.map((m) => [m.line, m.unitId])).toEqual([
      [3, 'u-eav-ifo'],
      [4, 'u-eav-ifo'],
    ]);
    expect(mapped.unmatched.map((u) => u.key)).toEqual(['b-eav/far30']); // a unit of another board is refused
  });
});

describe('boardNameVariants', () => {
  it('strips organisation words and the genitive s', () => {
    expect(boardNameVariants('Enskede-Årsta-Vantörs stadsdelsförvaltning')).toEqual(
      expect.arrayContaining(['enskedearstavantor', 'enskedearstavantors']),
    );
  });
});
