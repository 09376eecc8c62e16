import type { FieldOption, LocalizedText } from '../model/fields';

/**
 * The nine steps of the MantelzorgNL Stappenplan "Ondersteuning van mantelzorgers met een migratieachtergrond",
 * with guiding questions taken (and where the source gives an instruction, turned into a question) from the source.
 * Questions stay Dutch only: they are the source's words and the team works in Dutch.
 */
export type StappenplanStepId = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09';

export interface StappenplanStep {
  id: StappenplanStepId;
  title: LocalizedText;
  questions: string[];
}

export const STAPPENPLAN_STEPS: readonly StappenplanStep[] = [
  {
    id: '01',
    title: { nl: 'De verkenning: waarom is extra aandacht nodig?', en: 'Exploration: why is extra attention needed?' },
    questions: [
      'Waarom is extra aandacht voor mantelzorgers met een migratieachtergrond nodig, en waarom wil je met deze doelgroepen aan de slag? Welke signalen, cijfers en artikelen onderbouwen dat?',
      'Welke migrantengemeenschappen zijn er binnen je werkgebied, en op welke wil je je richten?',
      'Zijn bepaalde groepen migranten sterker vertegenwoordigd dan andere groepen?',
      'Waar in het coalitieakkoord en het gemeentelijk beleid voor welzijn en zorg kun je aansluiting vinden?',
      'Welke haakjes zijn er om bij aan te sluiten, zoals een dementievriendelijke gemeente? Bereiken zij tot nog toe alleen mantelzorgers die de weg al kennen?',
    ],
  },
  {
    id: '02',
    title: { nl: 'Breng in kaart: waar staat jouw organisatie nu?', en: 'Where does your organisation stand now?' },
    questions: [
      'Welke rol heeft jouw organisatie in de gemeente op het gebied van mantelzorgondersteuning?',
      'Zijn jullie georganiseerd als expertisecentrum en verbind je daarmee partijen, of bieden jullie alleen directe ondersteuning aan mantelzorgers?',
      'Is er voldoende kennis en ervaring met diversiteit en cultuursensitief werken binnen je organisatie? Zo niet, wat is er nodig (training, scholing)?',
      'Hoe sluit de communicatie van je organisatie aan op mensen met een migratieachtergrond? Welke taal gebruiken jullie, welke beelden en boodschappen?',
      'Welke ondersteuning biedt jouw organisatie nu al waar mantelzorgers met een migratieachtergrond interesse in zouden kunnen hebben?',
    ],
  },
  {
    id: '03',
    title: { nl: 'Verken hoe het lokale speelveld eruit ziet', en: 'Explore the local field' },
    questions: [
      'Wat gebeurt er allemaal al in je gemeente rondom de zorg en ondersteuning van mensen met een migratieachtergrond?',
      'Zijn er initiatieven waar je wellicht bij kunt aansluiten?',
      'Welke migrantenorganisaties zijn er?',
      'Zijn er zorginstellingen die cultuurspecifieke dagbesteding aanbieden?',
      'Zijn er migranten vrouwengroepen actief die informele ondersteuning bieden in een bepaalde wijk?',
    ],
  },
  {
    id: '04',
    title: { nl: 'In contact komen met mantelzorgers met een migratieachtergrond', en: 'Getting in touch with caregivers with a migration background' },
    questions: [
      'Welke organisaties, professionals en sleutelpersonen heb je nodig om je plan uiteindelijk uit te voeren?',
      'Welke sleutelpersonen kunnen je informeren of in contact brengen met de doelgroep, en hoe vind je ze?',
      'Waar zijn de plekken waar mensen met een migratieachtergrond samenkomen, zoals moskeeën, buurthuizen, wijkcentra of eigen organisaties?',
      'Welke professionals kunnen strategische samenwerkingspartners zijn in het bereiken van de migrantengemeenschappen, zoals de GGD of een huisarts?',
      'Wat lezen, zien en horen de gemeenschappen waar je je op richt? Welke media, plekken of bijeenkomsten?',
      'Welke kanalen heeft jouw organisatie: social media, nieuwsbrieven, de lokale krant, flyers bij de huisarts of in de supermarkt?',
    ],
  },
  {
    id: '05',
    title: { nl: 'In gesprek gaan met mantelzorgers', en: 'Talking with caregivers' },
    questions: [
      'Weet je voldoende over de behoeften van de doelgroepen waar je je op wil richten?',
      'Wat zijn de behoeften van (ex-)mantelzorgers met een migratieachtergrond in de zorg en ondersteuning?',
      'Op welke manier wil men ondersteund worden? Wat is daarvoor nodig?',
      'Welke verschillen zijn er tussen en ook binnen doelgroepen?',
    ],
  },
  {
    id: '06',
    title: { nl: 'Maak een keuze welke ondersteuning je wilt bieden', en: 'Choose the support you want to offer' },
    questions: [
      'Wat is er nodig, op basis van de behoeftepeiling?',
      'Wat wil en kun je deze doelgroepen vanuit jouw rol en positie bieden?',
    ],
  },
  {
    id: '07',
    title: { nl: 'Verken de partijen met wie je wil samenwerken', en: 'Explore the parties to work with' },
    questions: [
      'Met welke partijen kun je de behoeften realiseren? Hoe ziet het netwerk van jouw organisatie er nu uit?',
      'Welke organisaties in je netwerk missen nog?',
      'Wie verwijst mantelzorgers naar jullie (verwijzers), en naar wie verwijzen jullie door bij zwaardere of specifieke hulp?',
      'Met wie kun je aanbod afstemmen, materialen delen, samen bijeenkomsten organiseren (samenwerkingspartners)?',
      'Met wie wissel je kennis uit, bijvoorbeeld in een netwerkoverleg of geriatrisch overleg (kennispartners)?',
      'Hoe kun je via je netwerkpartners migranten doelgroepen bereiken, ook met filmpjes en in wachtkamers van huisartsen en apotheken?',
    ],
  },
  {
    id: '08',
    title: { nl: 'Maak een projectplan', en: 'Write a project plan' },
    questions: [
      'Hoe betrek je de sleutelpersonen en de andere partijen bij het plan?',
      'Hoeveel uren en welk budget zet elke partij in? Wat wil en kun je inzetten als organisatie en als professional?',
      'Welke extra kosten zijn er rond communicatie, zoals vertaling van materiaal?',
      'Welke fondsen kunnen helpen met het opstarten van activiteiten, en past het project echt in hun voorwaarden?',
      'Op welke momenten evalueer je? Maak je ieder kwartaal een rapportage over bereik, netwerk, communicatie-inspanningen en budget?',
    ],
  },
  {
    id: '09',
    title: { nl: 'Aan de slag!', en: 'Get going!' },
    questions: [
      'Is er ontwikkeltijd opgenomen in je projectplan?',
      'Hoe houd je een lange adem als de vragen vanuit de doelgroep niet meteen binnenstromen?',
      'Met wie deel je ervaringen, vragen en feedback (bijvoorbeeld MantelzorgNL)?',
    ],
  },
];

export const STAPPENPLAN_STEP_OPTIONS: FieldOption[] = STAPPENPLAN_STEPS.map((s) => ({
  value: s.id,
  label: { nl: `${s.id} ${s.title.nl}`, en: `${s.id} ${s.title.en}` },
}));

export function isStappenplanStep(value: unknown): value is StappenplanStepId {
  return typeof value === 'string' && STAPPENPLAN_STEPS.some((s) => s.id === value);
}
