import { describe, expect, it } from 'vitest';
import { compareBoards } from './board-order.js';

describe('compareBoards', () => {
  it('lists kommunstyrelsen, then district boards, then specialist boards, each by Swedish name', () => {
    const boards = [
      { kind: 'specialist_board', name: 'Äldrenämnden' },
      { kind: 'district_board', name: 'Östermalm' },
      { kind: 'specialist_board', name: 'Arbetsmarknadsnämnden' },
      { kind: 'district_board', name: 'Älvsjö' },
      { kind: 'district_board', name: 'Bromma' },
      { kind: 'city_board', name: 'Kommunstyrelsen' },
    ];
    expect([...boards].sort(compareBoards).map((b) => b.name)).toEqual(['Kommunstyrelsen', 'Bromma', 'Älvsjö', 'Östermalm', 'Arbetsmarknadsnämnden', 'Äldrenämnden']);
  });

  it('puts a board of an unknown kind last', () => {
    expect([{ kind: 'other', name: 'A' }, { kind: 'specialist_board', name: 'Ö' }].sort(compareBoards).map((b) => b.name)).toEqual(['Ö', 'A']);
  });
});
