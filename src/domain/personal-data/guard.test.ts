import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFields,
  containsPersonalData,
  findPersonalData,
  KIND_LABELS_SV,
  PERSONAL_DATA_KINDS,
  personalDataMessage,
  type PersonalDataKind,
} from './guard.js';

/**
 * Luhn check digit computed independently of the implementation under test, so the numbers
 * used below are verified rather than trusted: weights 2,1,2,1,… from the left over the
 * first nine digits of the ten-digit form, digit sums of the products, (10 − sum mod 10) mod 10.
 */
function referenceCheckDigit(nineDigits: string): number {
  let sum = 0;
  [...nineDigits].forEach((c, i) => {
    const p = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  });
  return (10 - (sum % 10)) % 10;
}

function tenDigitForm(written: string): string {
  const digits = written.replace(/\D/g, '');
  return digits.length === 12 ? digits.slice(2) : digits;
}

function referenceLuhnValid(written: string): boolean {
  const ten = tenDigitForm(written);
  return ten.length === 10 && referenceCheckDigit(ten.slice(0, 9)) === Number(ten[9]);
}

const PIN: PersonalDataKind = 'personal_identity_number';
const CO: PersonalDataKind = 'coordination_number';
const PHONE: PersonalDataKind = 'phone';
const EMAIL: PersonalDataKind = 'email';
const ADDR: PersonalDataKind = 'street_address';

/** Identity numbers below with a valid date and a wrong check digit: refused all the same. */
const MISTYPED = new Set(['8507091233', '9001011230', '19121212-1213', '19900101-1234', '1990-01-01-1234']);

/** [sentence, expected hits as [kind, matched text], in order of position]. */
const POSITIVES: [string, [PersonalDataKind, string][]][] = [
  // Personnummer and samordningsnummer
  ['Eleven 20051224-0011 har uttryckt stöd för våld', [[PIN, '20051224-0011']]],
  ['Pojken, 051224-0011, har visat propaganda i klassrummet', [[PIN, '051224-0011']]],
  ['Anmälan gäller 19121212-1212 som ska ha hotat en lärare', [[PIN, '19121212-1212']]],
  ['Personen (121212-1212) har delat våldsbejakande filmer', [[PIN, '121212-1212']]],
  ['Pnr 900101-1239 nämndes av informanten', [[PIN, '900101-1239']]],
  ['Vi kontaktade vårdnadshavare till 200803152347 om oron', [[PIN, '200803152347']]],
  ['Uppgiftslämnaren angav 7708234567 som personnummer', [[PIN, '7708234567']]],
  ['Mannen med personnummer 640312-7894 syns på filmen', [[PIN, '640312-7894']]],
  ['Född 040229-1231 enligt skolans register', [[PIN, '040229-1231']]],
  ['Eleven 20000229-4569 har ritat hakkors i bänken', [[PIN, '20000229-4569']]],
  ['Hundraåringen 451015+8761 har inget med saken att göra', [[PIN, '451015+8761']]],
  ['Ungdomen 060918–4437 har kontakt med en våldsbejakande grupp', [[PIN, '060918–4437']]],
  ['Elev med pnr 950808-5553 misstänks för hot', [[PIN, '950808-5553']]],
  ['Mamman, 101010-1010, har kontaktats av skolan', [[PIN, '101010-1010']]],
  ['Personnumret 19900101 1239 stod i anteckningen', [[PIN, '19900101 1239']]],
  ['Samordningsnummer 830871-2341 hittades i anteckningen', [[CO, '830871-2341']]],
  // A mistyped personnummer (wrong check digit) still points at a person.
  ['Ahmed Karimi 19900101-1234 har hotat personal', [[PIN, '19900101-1234']]],
  ['Fakturan har nummer 8507091233', [[PIN, '8507091233']]],
  ['Ärendenummer 9001011230 avser utbildningen', [[PIN, '9001011230']]],
  ['Personnummer 200512 24 0011 står i anmälan', [[PIN, '200512 24 0011']]],
  ['Pojken 850512 - 1239 sågs vid skolan', [[PIN, '850512 - 1239']]],
  ['Född 1990-01-01-1234 enligt anteckningen', [[PIN, '1990-01-01-1234']]],
  ['Numret 850512.1239 stod på lappen', [[PIN, '850512.1239']]],
  ['Den unge mannen har samordningsnummer 20070375-9878', [[CO, '20070375-9878']]],
  // Phone numbers
  ['Ring föräldern på 070-123 45 67', [[PHONE, '070-123 45 67']]],
  ['Hon nås på 0701234567 efter skoltid', [[PHONE, '0701234567']]],
  ['Växeln har nummer 08-123 456 78', [[PHONE, '08-123 456 78']]],
  ['Ring +46 70 123 45 67 om något händer', [[PHONE, '+46 70 123 45 67']]],
  ['Kontakta mentorn på 08 123 45 67', [[PHONE, '08 123 45 67']]],
  ['Fritidsgården i Göteborg nås på 031-12 34 56', [[PHONE, '031-12 34 56']]],
  ['Hans mobil är 073-987 65 43 enligt kompisarna', [[PHONE, '073-987 65 43']]],
  ['Ring 0046 70 123 45 67 från utlandet', [[PHONE, '0046 70 123 45 67']]],
  ['Tipsaren lämnade numret 076 123 45 67', [[PHONE, '076 123 45 67']]],
  ['Anhörig nås på +46 (0)8 123 45 67', [[PHONE, '+46 (0)8 123 45 67']]],
  ['Kuratorn, tel. (08) 508 123 45, har kännedom', [[PHONE, '(08) 508 123 45']]],
  ['Ring 040-12 34 56 i Malmö', [[PHONE, '040-12 34 56']]],
  ['Numret 0480-123 45 gick till en privatperson', [[PHONE, '0480-123 45']]],
  ['Sms:a 0701234567 eller 072-123 45 67', [[PHONE, '0701234567'], [PHONE, '072-123 45 67']]],
  ['Hör av dig på +47 912 34 567', [[PHONE, '+47 912 34 567']]],
  ['Ring 070 - 123 45 67 direkt', [[PHONE, '070 - 123 45 67']]],
  ['Telefon: 08-1234567', [[PHONE, '08-1234567']]],
  ['Den 2019-09-04 ringde 070-123 45 67 till skolan', [[PHONE, '070-123 45 67']]],
  ['Han ringde +46701234567 flera gånger', [[PHONE, '+46701234567']]],
  // E-mail addresses
  ['Mejla oss på anna.svensson@example.se', [[EMAIL, 'anna.svensson@example.se']]],
  ['Skicka bilden till kalle_92@hotmail.com', [[EMAIL, 'kalle_92@hotmail.com']]],
  ['Hans adress är k.andersson@stockholm.se.', [[EMAIL, 'k.andersson@stockholm.se']]],
  ['Föräldern skrev från maria.lindqvist+skola@gmail.com i går', [[EMAIL, 'maria.lindqvist+skola@gmail.com']]],
  ['Kontakt: erik (at) example.se', [[EMAIL, 'erik (at) example.se']]],
  ['Mejla Åsa.Öberg@exempel.nu om mötet', [[EMAIL, 'Åsa.Öberg@exempel.nu']]],
  ['Adressen ANNA@EXAMPLE.SE angavs i chatten', [[EMAIL, 'ANNA@EXAMPLE.SE']]],
  ['Skriv till info@foretag.co.uk', [[EMAIL, 'info@foretag.co.uk']]],
  // Street addresses
  ['Klotter på Götgatan 14 i trapphuset', [[ADDR, 'Götgatan 14']]],
  ['Familjen bor på Sankt Eriksgatan 5B', [[ADDR, 'Sankt Eriksgatan 5B']]],
  ['Samlingar har skett utanför Hornsgatan 112', [[ADDR, 'Hornsgatan 112']]],
  ['Affischer sattes upp på Karl Johans väg 12 A', [[ADDR, 'Karl Johans väg 12 A']]],
  ['Glasrutan krossades på Drottninggatan 71', [[ADDR, 'Drottninggatan 71']]],
  ['Han bor på Sveavägen 44, tredje våningen', [[ADDR, 'Sveavägen 44']]],
  ['Stenkastning vid Sergels torg 12 i natt', [[ADDR, 'Sergels torg 12']]],
  ['Lägenheten på Bergsgränd 4 besöks ofta av gruppen', [[ADDR, 'Bergsgränd 4']]],
  ['Adressen är Stora torget 3', [[ADDR, 'Stora torget 3']]],
  ['Hotfulla lappar på Ringvägen 100-102', [[ADDR, 'Ringvägen 100-102']]],
  ['Han bor på Medborgarplatsen 3', [[ADDR, 'Medborgarplatsen 3']]],
  ['De träffas på Slottsbacken 8 varje fredag', [[ADDR, 'Slottsbacken 8']]],
  ['Vi sågs på götgatan 14 i går', [[ADDR, 'götgatan 14']]],
  ['Utanför Norr Mälarstrand 24 sågs klistermärken', [[ADDR, 'Norr Mälarstrand 24']]],
  ['Adress: Odengatan nr 5', [[ADDR, 'Odengatan nr 5']]],
  ['Skolan ligger på Kungsholms strand 167', [[ADDR, 'Kungsholms strand 167']]],
  ['Hagsätravägen 12 B har fått nya klotter', [[ADDR, 'Hagsätravägen 12 B']]],
  ['Klotter i porten på Rågsvedsvägen 3b', [[ADDR, 'Rågsvedsvägen 3b']]],
  // The forms of a Swedish address (SS 637003): flat and floor, care-of, box, postal code and town
  ['Han bor på Storgatan 12 i centrum', [[ADDR, 'Storgatan 12']]],
  ['Lappar i trappan på Storgatan 12 B', [[ADDR, 'Storgatan 12 B']]],
  ['Lägenheten Storgatan 12B lgh 1102 besöks ofta', [[ADDR, 'Storgatan 12B lgh 1102']]],
  ['Familjen bor på Götgatan 5, 3 tr sedan i fjol', [[ADDR, 'Götgatan 5, 3 tr']]],
  ['Brevet gick till c/o Andersson i Farsta', [[ADDR, 'c/o Andersson']]],
  ['Skicka det till Box 123 så tar vi hand om det', [[ADDR, 'Box 123']]],
  ['Adressen var 123 45 Stockholm enligt brevet', [[ADDR, '123 45 Stockholm']]],
  ['Adressen var 12345 Stockholm enligt brevet', [[ADDR, '12345 Stockholm']]],
  ['Skriv till Box 123, 123 45 Stockholm', [[ADDR, 'Box 123, 123 45 Stockholm']]],
  ['Hon bor c/o Svensson, Storgatan 1, 123 45 Farsta', [[ADDR, 'c/o Svensson, Storgatan 1, 123 45 Farsta']]],
  ['Affischer på Rinkeby torg 5 i går', [[ADDR, 'Rinkeby torg 5']]],
  ['Samling vid Hötorget 8 på fredagen', [[ADDR, 'Hötorget 8']]],
  ['Klotter på Strandvägen 7A, 2 tr.', [[ADDR, 'Strandvägen 7A, 2 tr.']]],
  ['Han bor på Sergels\u00a0torg\u00a012', [[ADDR, 'Sergels\u00a0torg\u00a012']]],
  // Several kinds
  [
    'Ring 070-123 45 67 eller mejla anna@example.se',
    [
      [PHONE, '070-123 45 67'],
      [EMAIL, 'anna@example.se'],
    ],
  ],
  [
    'Eleven 051224-0011 bor på Götgatan 14',
    [
      [PIN, '051224-0011'],
      [ADDR, 'Götgatan 14'],
    ],
  ],
];

const NEGATIVES: string[] = [
  'Klistermärken med vit makt-budskap vid busshållplats i Rågsved',
  'Händelsen inträffade 2019-09-04 vid skolan',
  'Den 4 september 2019 observerades klotter i Hagsätra',
  'Projektperioden är 2019-09-04–2019-12-31',
  'Under 2019 ökade antalet anmälningar',
  'Insatsen kostade 12 000 kr',
  'Budgeten är 1 500 000 kronor för tre år',
  'Andelen som känner sig trygga ökade med 12 %',
  '45 procent av eleverna svarade',
  'Ärendet har Dnr 3.1.3-91/2019',
  'Beslut i KS 2019/123',
  'Mötet börjar kl. 14.30 i Rågsved',
  'Enkäten fick 32 svar',
  '208 av 2 679 elever besvarade enkäten',
  'Klotter vid Götgatan under helgen',
  'Ungdomar samlades i Hagsätra centrum',
  'Postnummer 123 45 hör till området',
  'Stockholms stad har organisationsnummer 212000-0142',
  'Leverantören har organisationsnummer 556703-7485',
  'Fakturanummer 85070912 avser hyran',
  'Ärendet 2019-0123 avser utbildningen',
  'Läsåren 2018-2019 och 2019–2020 jämfördes',
  'Rapporten för T1 2019 och T2 2019 är klar',
  'Ärendet har Dnr 3.1-123/2019',
  'Mötet hölls 2019-09-04 1430 enligt kallelsen',
  'Beloppet 1 234 567 890 kr betalades ut',
  'Insatsen pågick kl. 08.30–16.00 den 4 september',
  'Under 2019-09-04–2019-12-31 genomfördes åtgärden',
  'Vi träffades på torget efter skolan',
  'Ungdomar samlas på Medborgarplatsen på kvällarna',
  'Oro i centrum vid Rinkeby torg under helgen',
  'Ett hundratal personer samlades vid Rinkeby torg',
  'Skolan har 123 45 elever enligt ingen statistik alls',
  'Versionen 1.2.3 av handlingsplanen antogs',
  'Läsåret 2019/2020 genomfördes utbildningen',
  'Handlingsplan 2 antogs av nämnden',
  'Mötet hölls på plan 3 i stadshuset',
  'Klotter i uppgång 2 har sanerats',
  'Polisen patrullerade Götgatan 3 gånger under kvällen',
  'Utbildningen pågick 08.30–16.00',
  'Vi sågs vid Sergels torg igår',
  'Åtgärden följs upp 2020-03-31',
  'Antalet ärenden steg från 14 till 27',
  'Se bilaga 3, punkt 4.2',
  'Ring 112 vid akut fara och 114 14 för att tipsa polisen',
  'Totalt 1 234 567 kronor fördelades mellan stadsdelarna',
  'Mellan 2018 och 2020 minskade antalet',
  'Rapporten omfattar vecka 36–40',
  'Träffpunkten ligger nära Hagsätravägen',
  'Händelsen skedde 2019-09-04 kl. 22.15 vid Götgatan',
  'Andelen var 3,5 procent år 2019',
  'Det har skett 3 incidenter på 2 veckor',
  'En elev i årskurs 9 uttryckte stöd för extremism',
  'Mötet 04/09 kl 13:00–15:30 i Rågsved',
  'Stadsdelen Rågsved har 20 000 invånare',
  'Ungefär 300 personer deltog på Medborgarplatsen',
  'Datumet 20190904 noterades i loggen',
  'Intervallet 20190101-20191231 gäller',
  'Flygblad med budskapet @vitmakt spreds på Instagram',
  'Av 45 tillfrågade svarade 32',
  'Enligt SCB 2019 var 12,4 % av de unga oroliga',
  'Ärende KS/2019:123 behandlades i juni',
  'Protokoll 2019-09-04 § 12',
  'Stockholms stad 1 060 000 000 kronor i budget',
  'Beslutet fattades 08-09-2019 av nämnden',
  'Linje 4 mot Hagsätra var försenad',
  'Åtgärdsplanen 2 följs upp i höst',
  'Lappar vid busshållplats 3 i Rågsved',
  'Skriv till kommunen via e-post eller ring växeln',
];

describe('findPersonalData — table of realistic sentences', () => {
  it('has at least 45 positive and 45 negative examples', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(45);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(POSITIVES)('finds personal data in: %s', (text, expected) => {
    const hits = findPersonalData(text);
    expect(hits.map((h) => [h.kind, h.match])).toEqual(expected);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.match);
  });

  it.each(NEGATIVES.map((t) => [t]))('passes clean: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('the examples in the brief', () => {
  it.each([
    ['Eleven 20051224-0011 har uttryckt stöd för våld', PIN],
    ['Ring föräldern på 070-123 45 67', PHONE],
    ['Mejla oss på anna.svensson@example.se', EMAIL],
    ['Klotter på Götgatan 14 i trapphuset', ADDR],
  ] as const)('catches %s', (text, kind) => {
    expect(findPersonalData(text).map((h) => h.kind)).toEqual([kind]);
  });

  it('lets the bus-stop sentence through', () => {
    expect(findPersonalData('Klistermärken med vit makt-budskap vid busshållplats i Rågsved')).toEqual([]);
  });
});

describe('Luhn examples are verified, not trusted', () => {
  const identityMatches = POSITIVES.flatMap(([, hits]) => hits).filter(([k, written]) => (k === PIN || k === CO) && !MISTYPED.has(written));

  it.each(identityMatches)('%s %s has a correct check digit', (_kind, written) => {
    expect(referenceLuhnValid(written)).toBe(true);
  });

  it('computes the check digits by hand for two examples', () => {
    // 051224001: 0·2 + 5 + 1·2 + 2 + 2·2 + 4 + 0·2 + 0 + 1·2 = 19 → check digit 1.
    expect(referenceCheckDigit('051224001')).toBe(1);
    // 121212121: 2+2+2+2+2+2+2+2+2 = 18 → check digit 2 (Skatteverket's "Tolvan").
    expect(referenceCheckDigit('121212121')).toBe(2);
  });

  it.each([...MISTYPED])(
    '%s has a valid date but a wrong check digit and is still refused as a personnummer',
    (written) => {
      expect(referenceLuhnValid(written)).toBe(false);
      expect(findPersonalData(`Numret ${written} stod på lappen`)).toEqual([{ kind: PIN, start: 7, end: 7 + written.length, match: written }]);
    },
  );

  it('reads an unchecked ten-digit number that is also a phone number as a phone number: refused either way', () => {
    expect(referenceLuhnValid('0701234567')).toBe(false);
    expect(findPersonalData('Ring 0701234567').map((h) => h.kind)).toEqual([PHONE]);
    expect(referenceLuhnValid('0512240012')).toBe(false);
    expect(findPersonalData('Numret 0512240012').map((h) => h.kind)).toEqual([PHONE]);
  });

  it('rejects organisation numbers on the date even though their Luhn digit holds', () => {
    expect(referenceLuhnValid('212000-0142')).toBe(true);
    expect(referenceLuhnValid('556703-7485')).toBe(true);
    expect(findPersonalData('212000-0142 och 556703-7485')).toEqual([]);
  });

  it('rejects impossible dates even with a valid check digit', () => {
    // 30 February and 31 April, check digits computed so only the date is wrong.
    for (const date of ['850230', '850431', '20230229']) {
      const nine = date.slice(-6) + '123';
      const written = `${date}-123${referenceCheckDigit(nine)}`;
      expect(referenceLuhnValid(written)).toBe(true);
      expect(findPersonalData(`Numret ${written} stod på lappen`)).toEqual([]);
    }
  });
});

describe('hit positions', () => {
  it('returns UTF-16 offsets into the original text, sorted', () => {
    const text = 'Åsa på Götgatan 14 ringde 070-123 45 67';
    const hits = findPersonalData(text);
    expect(hits.map((h) => [h.kind, h.start, h.end])).toEqual([
      [ADDR, 7, 18],
      [PHONE, 26, 39],
    ]);
  });

  it('reports a ten-digit number that is both a valid personnummer and a phone number once, as a personnummer', () => {
    // 070115-2340: born 15 January 2007, check digit 0; also shaped like a mobile number.
    expect(referenceLuhnValid('0701152340')).toBe(true);
    expect(findPersonalData('Numret 0701152340').map((h) => h.kind)).toEqual([PIN]);
  });

  it('handles empty text', () => {
    expect(findPersonalData('')).toEqual([]);
    expect(containsPersonalData('')).toBe(false);
    expect(containsPersonalData(null)).toBe(false);
    expect(containsPersonalData('Ring 070-123 45 67')).toBe(true);
  });
});

describe('checkFields', () => {
  it('gives the message from the brief for a personnummer', () => {
    expect(checkFields({ description: 'Eleven 20051224-0011 har uttryckt stöd för våld' })).toEqual([
      {
        field: 'description',
        kinds: [PIN],
        message: 'Texten innehåller ett personnummer. Ta bort det – rapporten får inte gå att koppla till en person.',
      },
    ]);
  });

  it('returns one entry per offending field and skips clean, empty, null and undefined fields', () => {
    const problems = checkFields({
      what: 'Klistermärken vid busshållplats i Rågsved',
      where: 'Götgatan 14',
      empty: '',
      nothing: null,
      missing: undefined,
      contact: 'Ring 070-123 45 67',
    });
    expect(problems.map((p) => [p.field, p.kinds])).toEqual([
      ['where', [ADDR]],
      ['contact', [PHONE]],
    ]);
  });

  it('combines several kinds in one sentence, in a fixed order', () => {
    const [problem] = checkFields({ note: 'Mejla anna@example.se eller ring 070-123 45 67' });
    expect(problem.kinds).toEqual([PHONE, EMAIL]);
    expect(problem.message).toBe(
      'Texten innehåller ett telefonnummer och en e-postadress. Ta bort dem – rapporten får inte gå att koppla till en person.',
    );
  });

  it('lists three kinds with commas and "och", and counts repeated kinds', () => {
    const [problem] = checkFields({
      note: '051224-0011 ringde 070-123 45 67 och 08-123 45 67 från Götgatan 14',
    });
    expect(problem.kinds).toEqual([PIN, PHONE, ADDR]);
    expect(problem.message).toBe(
      'Texten innehåller ett personnummer, två telefonnummer och en gatuadress. Ta bort dem – rapporten får inte gå att koppla till en person. Ange platsen utan husnummer, till exempel gatans eller områdets namn.',
    );
  });

  it('uses "den" for a single common-gender item', () => {
    const [problem] = checkFields({ note: 'Mejla anna@example.se' });
    expect(problem.message).toBe(
      'Texten innehåller en e-postadress. Ta bort den – rapporten får inte gå att koppla till en person.',
    );
  });

  it('names a samordningsnummer as such', () => {
    const [problem] = checkFields({ note: 'Samordningsnummer 830871-2341' });
    expect(problem.kinds).toEqual([CO]);
    expect(problem.message).toContain('ett samordningsnummer');
  });

  it('lets the caller name what the text belongs to', () => {
    const [problem] = checkFields({ answer: 'Ring 070-123 45 67' }, { subject: 'svaret' });
    expect(problem.message).toBe(
      'Texten innehåller ett telefonnummer. Ta bort det – svaret får inte gå att koppla till en person.',
    );
  });

  it('never repeats the personal data in the message', () => {
    const [problem] = checkFields({ note: 'anna@example.se 070-123 45 67 19121212-1212 Götgatan 14' });
    for (const part of ['anna', '070', '1212', 'Götgatan']) expect(problem.message).not.toContain(part);
  });

  it('writes larger counts with digits', () => {
    const many = Array.from({ length: 11 }, (_, i) => `a${i}@example.se`).join(' ');
    expect(personalDataMessage(findPersonalData(many))).toContain('11 e-postadresser');
    expect(personalDataMessage([])).toBe('');
  });
});

describe('KIND_LABELS_SV', () => {
  it('has a Swedish label for every kind', () => {
    expect(Object.keys(KIND_LABELS_SV).sort()).toEqual([...PERSONAL_DATA_KINDS].sort());
    expect(KIND_LABELS_SV).toEqual({
      personal_identity_number: 'personnummer',
      coordination_number: 'samordningsnummer',
      phone: 'telefonnummer',
      email: 'e-postadress',
      street_address: 'gatuadress',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const SWEDISH_WORDS = [
  'eleven', 'har', 'uttryckt', 'stöd', 'för', 'våld', 'i', 'Rågsved', 'skolan', 'klotter',
  'på', 'väggen', 'och', 'fritidsgården', 'Hagsätra', 'oro', 'anmälan', 'gäller', 'med',
  'vårdnadshavare', 'kontaktades', 'socialtjänsten', 'nämnden', 'polisen', 'ungdomen', 'sågs',
  'vid', 'centrum', 'under', 'helgen', 'Åsa', 'Örjan', 'ärendet', 'enligt', 'född', 'pnr',
];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const validIdentityNumber = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    twelveDigits: fc.boolean(),
    separator: fc.constantFrom('-', '', '+'),
  })
  .map(({ year, month, dayFraction, serial, coordination, twelveDigits, separator }) => {
    const days = month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    const day = 1 + Math.floor(dayFraction * days) + (coordination ? 60 : 0);
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const date6 = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}`;
    const nine = `${date6}${pad(serial, 3)}`;
    const last4 = `${pad(serial, 3)}${referenceCheckDigit(nine)}`;
    const sep = twelveDigits && separator === '+' ? '-' : separator;
    const written = twelveDigits ? `${year}${date6.slice(2)}${sep}${last4}` : `${date6}${sep}${last4}`;
    return { written, kind: coordination ? CO : PIN };
  });

describe('properties', () => {
  it('finds any valid personnummer or samordningsnummer embedded in Swedish words', () => {
    fc.assert(
      fc.property(
        validIdentityNumber,
        fc.array(fc.constantFrom(...SWEDISH_WORDS), { maxLength: 8 }),
        fc.array(fc.constantFrom(...SWEDISH_WORDS), { maxLength: 8 }),
        fc.constantFrom(' ', ', ', ': ', ' (', '\n'),
        ({ written, kind }, before, after, glue) => {
          const prefix = before.length > 0 ? before.join(' ') + glue : '';
          const suffix = after.length > 0 ? ' ' + after.join(' ') : '.';
          const text = prefix + written + suffix;
          const hits = findPersonalData(text);
          expect(hits).toContainEqual({ kind, start: prefix.length, end: prefix.length + written.length, match: written });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never flags ISO dates, date ranges, years or amounts', () => {
    const isoDate = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const amount = fc
      .integer({ min: 0, max: 9_999_999_999 })
      .map((n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
    const phrase = fc.oneof(
      isoDate.map((d) => `den ${d}`),
      fc.tuple(isoDate, isoDate).map(([a, b]) => `perioden ${a}–${b}`),
      fc.integer({ min: 1900, max: 2099 }).map((y) => `år ${y}`),
      amount.map((a) => `${a} kr`),
      amount.map((a) => `${a} kronor`),
      fc.integer({ min: 0, max: 100 }).map((p) => `${p} %`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
        ([h, m]) => `kl. ${String(h).padStart(2, '0')}.${String(m).padStart(2, '0')}`,
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(phrase, fc.constantFrom(...SWEDISH_WORDS)), { maxLength: 10 }), (parts) => {
        expect(findPersonalData(parts.join(' '))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
