/**
 * The order boards are listed in across Värna: kommunstyrelsen first, then the district boards,
 * then the specialist boards, each group by Swedish name. Pure.
 */
import { SWEDISH } from './followup/aggregate.js';

const KIND_ORDER: Readonly<Record<string, number>> = { city_board: 0, district_board: 1, specialist_board: 2 };

export function compareBoards(a: { kind: string; name: string }, b: { kind: string; name: string }): number {
  return (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || SWEDISH.compare(a.name, b.name);
}
