/**
 * The plan structure the city's instructions (anvisningar) have asked for since 2018, taken from
 * the Enskede-Årsta-Vantör plan: used when a municipality has published no instructions yet and
 * as the starting point of new instructions.
 */
export const SITUATION_SECTION_KEY = 'lagesbild';

export const DEFAULT_SECTIONS: { key: string; title: string; guidance: string }[] = [
  { key: 'inledning', title: 'Inledning', guidance: 'Syftet med planen, definitioner och vilka verksamheter den omfattar.' },
  {
    key: SITUATION_SECTION_KEY,
    title: 'Lokal lägesbild',
    guidance: 'Aktuell lägesbild framtagen tillsammans med lokalpolisen och andra aktörer: miljöer, händelser, enkätsvar. Ange datum.',
  },
  { key: 'forebyggande', title: 'Förebyggande arbete', guidance: 'Allmänna insatser som främjar och värnar demokratin.' },
  { key: 'forhindrande', title: 'Förhindrande arbete', guidance: 'Insatser till personer som är på väg in i eller vill lämna våldsbejakande miljöer, och stöd till anhöriga.' },
  { key: 'samverkan', title: 'Samverkan', guidance: 'Samverkan med polis, skola, civilsamhälle och andra aktörer.' },
  { key: 'kompetens', title: 'Kompetenshöjande åtgärder', guidance: 'Utbildning av medarbetare och vilka grupper som prioriteras.' },
  { key: 'uppfoljning', title: 'Uppföljning', guidance: 'Hur och när planen följs upp och revideras. Status på föregående års insatser ska framgå.' },
  { key: 'bilaga_rutin', title: 'Bilaga rutin', guidance: 'Rutin vid oro eller händelse rörande våldsbejakande extremism.' },
];

export const DEFAULT_REQUIRED_ACTIVITY_FIELDS = ['title', 'measureArea', 'responsible', 'timeline', 'followUp'];

export const DEFAULT_REVIEW_CRITERIA: { id: string; text: string }[] = [
  { id: 'lagesbild', text: 'Planen bygger på en aktuell lokal lägesbild framtagen tillsammans med polisen.' },
  { id: 'insatsomraden', text: 'Insatserna är indelade efter riktlinjernas tre insatsområden.' },
  { id: 'ansvar', text: 'Varje insats har en ansvarig aktör, tidsplan och uppföljning.' },
  { id: 'civilsamhalle', text: 'Planen beskriver hur samverkan med civilsamhället ska utvecklas.' },
  { id: 'kompetens', text: 'Planen beskriver hur medarbetare får utbildning, särskilt stadens webbaserade grundutbildning.' },
  { id: 'uppfoljning', text: 'Föregående års insatser har en slutstatus och uppföljningen beskrivs.' },
];
