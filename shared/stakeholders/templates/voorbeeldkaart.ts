import type { FieldValue } from '../../model/schema';
import { COMMITMENTS, commitmentData, type CommitmentInit } from '../commitments';
import { kindSpec } from '../kinds/index';
import { KIND, type StakeholderKindId } from '../kinds/kindIds';
import { RELATION, type RelationKindId } from '../relations';
import type { MapTemplate, TemplateEdge, TemplateNode, TemplateRecord } from './mapTemplate';

/**
 * The Voorbeeldkaart (shared/examples/voorbeeldkaart.md): a fictional lerende praktijk in Maasdonk-Oost, as demo
 * content and as the fixture for totals, diagnostics and the plan export. All people and organisations are invented.
 *
 * Readings of the description where it leaves room:
 * - The steunpunt is on the map as an organisation at the table, so "de huisarts verwijst naar het steunpunt" has an end.
 * - Samira's (trekker) and Inge's (beleid en financiering) commitments are made on behalf of their organisations;
 *   Joost's inloopspreekuur hours are his own, so Welzijn Oost has no commitment of its own, as the description says.
 * - Which offer a commitment serves follows from its task; which communities an offer is for, from its languages
 *   and the needs heard.
 * Layout: columns left to right — team, partners, key figures, communities, places, offers.
 */
const COL = { team: 0, partners: 300, keyFigures: 640, communities: 940, places: 1280, offers: 1600 };

function node(id: string, kind: StakeholderKindId, label: string, x: number, y: number, data: Record<string, FieldValue> = {}): TemplateNode {
  const size = kindSpec(kind)?.defaultSize ?? { width: 180, height: 64 };
  return { id, kind, label, x, y, width: size.width, height: size.height, data };
}

function edge(kind: RelationKindId, source: string, target: string, strength?: 1 | 2 | 3): TemplateEdge {
  return { id: `${source}--${kind}--${target}`, kind, source, target, data: strength ? { strength } : {} };
}

function commitment(id: string, c: CommitmentInit): TemplateRecord {
  return { id, data: commitmentData({ status: 'afgesproken', unit: 'perMonth', ...c }) };
}

const team: TemplateNode[] = [
  node('vk-inge', KIND.teamMember, 'Inge Verhoeven', COL.team, 0, { organisation: 'Gemeente Maasdonk', organisationType: 'gemeente', knowledgeSources: ['praktijk'] }),
  node('vk-samira', KIND.teamMember, 'Samira El Idrissi', COL.team, 100, { organisation: 'Steunpunt Mantelzorg Maasdonk', organisationType: 'steunpuntMantelzorg', knowledgeSources: ['praktijk'] }),
  node('vk-joost', KIND.teamMember, 'Joost van Dam', COL.team, 200, { organisation: 'Welzijn Oost', organisationType: 'sociaalWerk', knowledgeSources: ['praktijk'] }),
  node('vk-fatma', KIND.teamMember, 'Fatma Yildiz', COL.team, 300, { organisationType: 'mantelzorger', knowledgeSources: ['ervaring'] }),
  node('vk-lotte', KIND.teamMember, 'dr. Lotte Brink', COL.team, 400, { organisation: 'Hogeschool Maasdonk', organisationType: 'kennisinstelling', knowledgeSources: ['wetenschappelijk'] }),
  node('vk-steunpunt', KIND.organisation, 'Steunpunt Mantelzorg Maasdonk', COL.team, 560, { organisationType: 'steunpuntMantelzorg' }),
];

const communities: TemplateNode[] = [
  node('vk-turks', KIND.community, 'Turkse gemeenschap', COL.communities, 0, {
    origin: 'Turkse', wijk: ['Oost', 'Kruisakker'], languages: ['Turks', 'Nederlands'], size: 1800,
    needs: ['informatie over dementie in eigen taal', 'respijt'],
  }),
  node('vk-marokkaans', KIND.community, 'Marokkaanse gemeenschap', COL.communities, 200, {
    origin: 'Marokkaanse', wijk: ['Oost', 'Zuid'], languages: ['Tarifit', 'Arabisch', 'Nederlands'], size: 2400,
    needs: ['lotgenotencontact voor dochters (sandwichgeneratie)'],
  }),
  node('vk-surinaams', KIND.community, 'Surinaamse gemeenschap', COL.communities, 400, {
    origin: 'Surinaamse', wijk: ['Noord'], languages: ['Nederlands', 'Sranantongo'], size: 900, needs: ['hulp bij aanvragen Wmo en pgb'],
  }),
  node('vk-afghaans', KIND.community, 'Afghaanse gemeenschap', COL.communities, 600, {
    origin: 'Afghaanse', wijk: ['Zuid'], languages: ['Dari', 'Pasjtoe'], size: 350,
  }),
];

const keyFigures: TemplateNode[] = [
  node('vk-hatice', KIND.keyFigure, 'Hatice Demir', COL.keyFigures, 30, {
    designation: 'sleutelfiguur', languages: ['Turks', 'Nederlands'], engagement: 'vrijwilliger', capacityHoursPerMonth: 8,
  }),
  node('vk-karim', KIND.keyFigure, 'Karim Amrani', COL.keyFigures, 230, {
    designation: 'AMWAHT-er', languages: ['Tarifit', 'Arabisch', 'Nederlands'], engagement: 'betaald', hourlyRate: 32.5, capacityHoursPerMonth: 16,
  }),
  node('vk-ilse', KIND.keyFigure, 'Ilse Kromodimedjo', COL.keyFigures, 430, {
    designation: 'sleutelfiguur', languages: ['Nederlands', 'Sranantongo'], engagement: 'vrijwilliger', capacityHoursPerMonth: 6,
  }),
];

const places: TemplateNode[] = [
  node('vk-ulucamii', KIND.place, 'Moskee Ulu Camii', COL.places, 0, { placeType: 'moskee' }),
  node('vk-kruisakker', KIND.place, 'Buurthuis De Kruisakker', COL.places, 110, { placeType: 'buurthuis' }),
  node('vk-alhouda-plek', KIND.place, 'Moskee Al Houda', COL.places, 220, { placeType: 'moskee' }),
  node('vk-huisarts-plek', KIND.place, 'Huisartsenpraktijk Oost', COL.places, 330, { placeType: 'huisarts' }),
  node('vk-ebg', KIND.place, 'Evangelische Broedergemeente Noord', COL.places, 440, { placeType: 'kerk' }),
];

const partners: TemplateNode[] = [
  node('vk-huisarts', KIND.partner, 'Huisartsenpraktijk Oost', COL.partners, 0, { category: 'zorgaanbiedersAlgemeen', role: 'verwijzer', contactPerson: 'praktijkondersteuner' }),
  node('vk-anatolia', KIND.partner, 'Stichting Anatolia', COL.partners, 100, { category: 'migrantenorganisaties', role: 'samenwerkingspartner', contactPerson: 'bestuurslid' }),
  node('vk-zorgzaam', KIND.partner, 'Thuiszorg Zorgzaam', COL.partners, 200, { category: 'cultuurspecifiekeZorg', role: 'doorverwijsorganisatie', contactPerson: 'wijkverpleegkundige' }),
  node('vk-alzheimer', KIND.partner, 'Alzheimer Nederland, afdeling Maasdonk', COL.partners, 300, { category: 'welzijn', role: 'kennispartner', contactPerson: 'coördinator' }),
  node('vk-wmo', KIND.partner, 'Wmo-loket Gemeente Maasdonk', COL.partners, 400, { category: 'gemeente', role: 'doorverwijsorganisatie', contactPerson: 'Wmo-consulent' }),
  node('vk-alhouda', KIND.partner, 'Moskee Al Houda', COL.partners, 500, { category: 'religieuzeHuizen', role: 'samenwerkingspartner', contactPerson: 'imam' }),
  node('vk-bibliotheek', KIND.partner, 'Bibliotheek Maasdonk', COL.partners, 600, { category: 'welzijn' }),
];

const offers: TemplateNode[] = [
  node('vk-inloop', KIND.offer, 'Inloopspreekuur in Buurthuis De Kruisakker', COL.offers, 0, {
    offerType: 'inloopspreekuur', phase: 'bereiken', languages: ['Turks', 'Arabisch', 'Nederlands'], start: '2027-01', end: '2027-12',
    place: 'vk-kruisakker', communities: ['vk-turks', 'vk-marokkaans'],
  }),
  node('vk-theehuis', KIND.offer, 'Alzheimer Theehuis', COL.offers, 110, {
    offerType: 'ontmoetingsgroep', phase: 'binden', languages: ['Turks'], start: '2027-03', end: '2027-06', communities: ['vk-turks'],
  }),
  node('vk-dochters', KIND.offer, 'Lotgenotengroep dochters', COL.offers, 220, {
    offerType: 'lotgenotencontact', phase: 'binden', languages: ['Nederlands', 'Tarifit'], start: '2027-02', communities: ['vk-marokkaans'],
  }),
  node('vk-infopgb', KIND.offer, 'Informatiebijeenkomst pgb en Wmo', COL.offers, 330, {
    offerType: 'informatiebijeenkomst', phase: 'bereiken', languages: ['Nederlands'], start: '2027-04', end: '2027-04', communities: ['vk-surinaams'],
  }),
];

const edges: TemplateEdge[] = [
  edge(RELATION.reaches, 'vk-hatice', 'vk-turks', 3),
  edge(RELATION.reaches, 'vk-karim', 'vk-marokkaans', 3),
  edge(RELATION.reaches, 'vk-ilse', 'vk-surinaams', 2),
  edge(RELATION.meetsAt, 'vk-turks', 'vk-ulucamii'),
  edge(RELATION.meetsAt, 'vk-turks', 'vk-kruisakker'),
  edge(RELATION.meetsAt, 'vk-marokkaans', 'vk-alhouda-plek'),
  edge(RELATION.meetsAt, 'vk-marokkaans', 'vk-kruisakker'),
  edge(RELATION.meetsAt, 'vk-marokkaans', 'vk-huisarts-plek'),
  edge(RELATION.meetsAt, 'vk-surinaams', 'vk-ebg'),
  edge(RELATION.refersTo, 'vk-huisarts', 'vk-steunpunt'),
  edge(RELATION.refersTo, 'vk-steunpunt', 'vk-zorgzaam'),
  edge(RELATION.refersTo, 'vk-steunpunt', 'vk-wmo'),
  edge(RELATION.collaborates, 'vk-steunpunt', 'vk-anatolia'),
  edge(RELATION.collaborates, 'vk-steunpunt', 'vk-alhouda'),
  edge(RELATION.sharesKnowledge, 'vk-steunpunt', 'vk-alzheimer'),
];

const YEAR = { from: '2027-01', to: '2027-12' };

const commitments: TemplateRecord[] = [
  commitment('vk-c-samira', { who: 'vk-samira', role: 'trekker', task: 'projectleiding, contact sleutelfiguren', hours: 16, ...YEAR, forOrganisation: true }),
  commitment('vk-c-joost', { who: 'vk-joost', role: 'professional', task: 'inloopspreekuur', hours: 4, unit: 'perWeek', ...YEAR, servesOffer: 'vk-inloop' }),
  commitment('vk-c-hatice-inloop', { who: 'vk-hatice', role: 'vrijwilliger', task: 'inloopspreekuur, tolken', hours: 8, ...YEAR, servesOffer: 'vk-inloop' }),
  commitment('vk-c-hatice-theehuis', { who: 'vk-hatice', role: 'vrijwilliger', task: 'Alzheimer Theehuis', hours: 6, from: '2027-03', to: '2027-06', status: 'voorgesteld', servesOffer: 'vk-theehuis' }),
  commitment('vk-c-karim', { who: 'vk-karim', role: 'ervaringsdeskundige', task: 'lotgenotengroep dochters', hours: 12, from: '2027-02', hourlyRate: 32.5, servesOffer: 'vk-dochters' }),
  commitment('vk-c-fatma', { who: 'vk-fatma', role: 'ervaringsdeskundige', task: 'klankbord voor de werkgroep', hours: 2, ...YEAR }),
  commitment('vk-c-inge', { who: 'vk-inge', role: 'professional', task: 'beleid en financiering', hours: 6, ...YEAR, forOrganisation: true, servesStep: '08' }),
  commitment('vk-c-alzheimer', { who: 'vk-alzheimer', role: 'kennispartner', task: 'voorlichting Alzheimer Theehuis', hours: 8, unit: 'total', from: '2027-03', to: '2027-06', status: 'voorgesteld', servesOffer: 'vk-theehuis' }),
];

export const voorbeeldkaartTemplate: MapTemplate = {
  id: 'voorbeeldkaart',
  title: { nl: 'Voorbeeldkaart Maasdonk-Oost', en: 'Example map Maasdonk-Oost' },
  description: {
    nl: 'Een verzonnen lerende praktijk in Maasdonk-Oost: team, gemeenschappen, sleutelfiguren, vindplaatsen, partners, aanbod en afspraken. Om mee te oefenen.',
    en: 'A fictional learning practice in Maasdonk-Oost, to practise with.',
  },
  nodes: [...team, ...partners, ...keyFigures, ...communities, ...places, ...offers],
  edges,
  records: { [COMMITMENTS]: commitments },
};
