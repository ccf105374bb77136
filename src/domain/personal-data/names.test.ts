import { describe, expect, it } from 'vitest';
import stockholm from '../../demo/data/stockholm-2019.json' with { type: 'json' };
import { DEMO_NOTES, demoReports } from '../../demo/situation.js';
import { checkNames, findPossibleNamesIn, nameDataSize, possibleNameMessage } from './names.js';

/** [sentence, the possible names it holds as written]. */
const POSITIVES: [string, string[]][] = [
  ['Vi är oroliga för Ahmed Hassan i klass 9B på skolan', ['Ahmed Hassan']],
  ['Anna Svensson har delat propaganda i klassens chatt', ['Anna Svensson']],
  ['Eleven Mohammed Ali har uttryckt stöd för våld', ['Mohammed Ali']],
  ['Erik Johansson sågs med en känd nazist', ['Erik Johansson']],
  ['Mamman Fatima Al-Hassan ringde skolan', ['Fatima Al-Hassan']],
  ['Jonas K. i 8C ritade symboler', ['Jonas K.']],
  ['Enligt Jonas K har gruppen vuxit', ['Jonas K']],
  ['Hans Johansson sa att han skulle hämnas', ['Hans Johansson']],
  ['Oro för Leila Mohammadi och Zeynep Kaya', ['Leila Mohammadi', 'Zeynep Kaya']],
  ['Anna Maria Svensson har kontakt med gruppen', ['Anna Maria Svensson']],
  ['Pojken Mehmet Yilmaz har ritat hakkors', ['Mehmet Yilmaz']],
  ['Fatima el-Sayed har slutat komma till skolan', ['Fatima el-Sayed']],
  ['Ahmed Hassans mamma är orolig', ['Ahmed Hassans']],
  ['AHMED HASSAN STOD PÅ LAPPEN', ['AHMED HASSAN']],
  ['Per Andersson och Sara Lind har hörts', ['Per Andersson', 'Sara Lind']],
  ['Oro för Kevin Nguyen efter helgen', ['Kevin Nguyen']],
  ['Brodern Ali Reza sågs vid centrum', ['Ali Reza']],
  ['Olga Petrova har delat filmer', ['Olga Petrova']],
  ['Amina Abdi har inte kommit till skolan', ['Amina Abdi']],
  ['Johan van der Berg har hotat läraren', ['Johan van der Berg']],
  // Disguised with look-alike letters and invisible characters
  ['Oro för Ahm\u0435d Hassan i klassen', ['Ahm\u0435d Hassan']],
  ['Oro för Ahmed\u00a0Hassan i klassen', ['Ahmed\u00a0Hassan']],
  ['Oro för An\u200bna Svensson i klassen', ['An\u200bna Svensson']],
];

/** Places, streets, organisations and ordinary sentences that must pass. */
const NEGATIVES: string[] = [
  'Klotter i Enskede-Årsta-Vantör under helgen',
  'Rinkeby-Kista stadsdelsnämnd har fått in tre rapporter',
  'Skärholmens stadsdelsförvaltning kallade till möte',
  'Polisen i Söderort har informerats',
  'Ungdomar samlades vid Sankt Göran',
  'Möte i Maria Magdalena församling om oron',
  'Klistermärken vid Gustav Adolfs torg',
  'Affischer i Kista Galleria',
  'Röda Korset och Rädda Barnen deltog',
  'Samtal på Hjärtats hus',
  'Sveriges Radio rapporterade om händelsen',
  'Klotter på Birger Jarlsgatan',
  'Hotfulla lappar längs Olof Palmes gata',
  'En elev fördes till Astrid Lindgrens barnsjukhus',
  'Kung Carl Gustaf besökte skolan',
  'Maria Ungdom har kontaktats',
  'Teatern Unga Klara hade föreställning',
  'Möte i Adolf Fredriks kyrka',
  'Samling vid Hedvig Eleonora församling',
  'Gustav Vasa kyrka öppnade sina lokaler',
  'Klotter vid Karl Johans väg',
  'Selma Lagerlöf-skolan har haft incidenter',
  'Anna Lindh-akademien höll en utbildning',
  'Sofia församling ordnade samtal',
  'Hans Facebook-konto har delat propaganda',
  'Hans bror har uttryckt stöd för våld',
  'Till Rinkeby kom polisen sent',
  'Alla elever i Tensta fick information',
  'Vita Bergen var platsen för samlingen',
  'Vid Hagsätra centrum sågs klistermärken',
  'Klara Kyrka har haft klotter',
  'Vi pratade med Ahmed efter lektionen',
  'Anna i kassan ringde polisen',
  'Eleven sa att Mohammed var orolig',
  'Klistermärken med vit makt-budskap vid busshållplats i Rågsved',
  'Under april sågs affischer i Farsta',
  'I juni hölls ett möte med Fryshuset',
  'Stockholms stad och Region Stockholm samverkar',
  'Svenska kyrkan och Islamiska förbundet deltog',
  'Ett samtal med Socialtjänsten i Skärholmen',
  'Möte med Nordiska motståndsrörelsen observerades',
  'Eleverna läste om Kristallnatten',
];

/** Board names in the sentences a report or note would put them in. */
const BOARD_SENTENCES = [stockholm.cityBoard, ...stockholm.districtBoards, ...stockholm.specialistBoardsWithCoordinator].flatMap((board) => [
  `${board} har fått in rapporter`,
  `Möte med ${board} om oron`,
  `Klotter i ${board} stadsdelsområde`,
  `${board} stadsdelsnämnd och Polisen i Söderort`,
]);

describe('possible names of private persons', () => {
  it('uses the name data of every locale: thousands of first names and surnames', () => {
    const { firstNames, surnames } = nameDataSize();
    expect(firstNames).toBeGreaterThan(12_000);
    expect(surnames).toBeGreaterThan(10_000);
  });

  it.each(POSITIVES)('holds back: %s', (text, names) => {
    const hits = findPossibleNamesIn(text);
    expect(hits.map((h) => h.match)).toEqual(names);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.match);
  });

  it.each(NEGATIVES.map((t) => [t]))('passes: %s', (text) => {
    expect(findPossibleNamesIn(text)).toEqual([]);
  });

  it.each(BOARD_SENTENCES.map((t) => [t]))('passes the board name in: %s', (text) => {
    expect(findPossibleNamesIn(text)).toEqual([]);
  });

  it('finds no names in the demo data', () => {
    for (const r of demoReports()) {
      for (const text of [r.description, r.actionTaken, r.area]) if (text) expect(findPossibleNamesIn(text), text).toEqual([]);
    }
    for (const n of DEMO_NOTES) expect(findPossibleNamesIn(n.body), n.body).toEqual([]);
  });
});

describe('checkNames', () => {
  it('lists the words per field, each once, and skips clean and empty fields', () => {
    expect(
      checkNames({
        description: 'Ahmed Hassan och Ahmed Hassan igen, sedan Jonas K.',
        actionTaken: 'Samtal med vårdnadshavare',
        area: null,
      }),
    ).toEqual([{ field: 'description', words: ['Ahmed Hassan', 'Jonas K.'], message: possibleNameMessage(2) }]);
  });

  it('says what to do without repeating the words', () => {
    const [problem] = checkNames({ body: 'Oro för Anna Svensson' }, { subject: 'anteckningen' });
    expect(problem.message).toBe(
      'Texten ser ut att innehålla ett namn på en person. Ta bort det, eller bekräfta att ingen person kan identifieras – anteckningen får inte gå att koppla till en person.',
    );
    expect(problem.message).not.toContain('Anna');
    expect(possibleNameMessage(3)).toContain('namn på personer. Ta bort dem');
  });
});
