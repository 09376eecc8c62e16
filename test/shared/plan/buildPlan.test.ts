import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { privateFieldsOf } from '../../../shared/exchange/privateFieldsOf';
import { putRecord, snapshotMap } from '../../../shared/model/mapDoc';
import { setPrivateFields } from '../../../shared/model/privateDoc';
import type { MapSnapshot } from '../../../shared/model/schema';
import { buildPlan, formatPlanDate } from '../../../shared/plan/buildPlan';
import type { PlanDocument, PlanSection, PlanTable } from '../../../shared/plan/planDocument';
import { renderPlanDocx } from '../../../shared/plan/renderPlanDocx';
import { renderPlanHtml } from '../../../shared/plan/renderPlanHtml';
import { renderPlanMarkdown } from '../../../shared/plan/renderPlanMarkdown';
import { VK, voorbeeldkaartDoc, voorbeeldkaartSnapshot } from '../../fixtures/voorbeeldkaart';
import { voorbeeldplanSnapshot, writeVoorbeeldplan } from '../../fixtures/voorbeeldplan';
import { PLAN_COLLECTION, riskKey } from '../../../shared/plan/planData';
import { diagnose } from '../../../shared/stakeholders/diagnostics/index';
import { makePng } from './makePng';
import { paragraphsWithStyle, readDocx, textOf } from './readDocx';

const DATE = '2027-01-15';
const PHONE = '06-11223344';

const section = (plan: PlanDocument, id: string): PlanSection => {
  const s = plan.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}: ${plan.sections.map((x) => x.id).join(', ')}`);
  return s;
};
const tables = (s: PlanSection): PlanTable[] => s.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
/** Intl writes '€ 390,00' with a no-break space (so Word never splits it); tests compare with a plain one. */
const norm = (cells: string[] | undefined): string[] => (cells ?? []).map((c) => c.replace(/\u00a0/g, ' '));
const row = (t: PlanTable, first: string): string[] => {
  const r = t.rows.find((x) => x[0] === first);
  if (!r) throw new Error(`no row ${first} in ${t.rows.map((x) => x[0]).join(', ')}`);
  return norm(r);
};

function withPrivate(): { snapshot: MapSnapshot; privateFields: ReturnType<typeof privateFieldsOf> } {
  const priv = new Y.Doc();
  setPrivateFields(priv, VK.hatice, { phone: PHONE, email: 'hatice@example.nl' });
  setPrivateFields(priv, VK.samira, { phone: '06-99887766' });
  return { snapshot: voorbeeldkaartSnapshot(), privateFields: privateFieldsOf(priv) };
}

const todoOf = (plan: PlanDocument, sectionId: string): string[] => plan.todo.filter((t) => t.section === sectionId).map((t) => t.text);

describe('the projectplan of the Voorbeeldkaart, with the plan the team wrote beside it', () => {
  const plan = buildPlan(voorbeeldplanSnapshot(), { date: DATE });

  it('reads as a plan: question and goals first, the map’s inventory in between, budget, monitoring and risks', () => {
    expect(plan.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      'Vraag en doelen',
      'Aanleiding en doelgroepen',
      'De organisatie en het team',
      'Het lokale speelveld',
      'Sleutelfiguren en bereik',
      'Gekozen ondersteuning per fase',
      'Planning',
      'Communicatie',
      'Afspraken over tijd en rol',
      'Begroting en dekking',
      'Evaluatie en monitoring',
      'Hoe sleutelfiguren en partners meeschreven',
      'Risico’s en maatregelen',
    ]);
    // No offer is in the borgen phase, so that part is left out of the document rather than printed empty.
    expect(plan.sections.filter((s) => s.id.startsWith('ondersteuning-')).map((s) => s.heading)).toEqual(['Bereiken', 'Binden']);
    expect(todoOf(plan, 'ondersteuning')).toContainEqual(expect.stringMatching(/^Nog geen aanbod in de fase borgen/));
  });

  it('has the plan’s own title, its facts and the summary on the first page, and the team table once', () => {
    expect(plan.titlePage.title).toBe('Samen zorgen in Maasdonk-Oost');
    expect(plan.titlePage.date).toBe('15 januari 2027');
    const facts = plan.titlePage.blocks.find((b) => b.type === 'facts');
    expect(facts?.type === 'facts' && facts.items).toEqual([
      ['Voor', 'Gemeente Maasdonk en Oranje Fonds'],
      ['Versie', '1.0'],
      ['Status', 'concept'],
      ['Auteurs', 'Samira El Idrissi, Inge Verhoeven'],
      ['Contactpersoon', 'Samira El Idrissi (Steunpunt Mantelzorg Maasdonk)'],
    ]);
    expect(plan.summary).toHaveLength(2);
    expect(plan.summary[0]).toMatch(/^In Maasdonk-Oost zorgen naar schatting 500 mantelzorgers/);
    const teamTables = [...plan.titlePage.blocks, ...plan.sections.flatMap((s) => s.blocks)].filter((b) => b.type === 'table' && b.table.header[2] === 'Kennisbron');
    expect(teamTables).toHaveLength(1);
  });

  it('states the question and the measurable goals per community', () => {
    const s = section(plan, 'doelen');
    expect(s.blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^Hoe bereiken en ondersteunen we mantelzorgers/) });
    const [goals] = tables(s);
    expect(row(goals, '30 Turkse mantelzorgers bereikt')).toEqual(['30 Turkse mantelzorgers bereikt', 'Turkse gemeenschap', 'Turkse mantelzorgers in contact met het Steunpunt', '4', '30', 'december 2027']);
    expect(row(goals, 'Een vast netwerk van sleutelfiguren')[1]).toBe('alle');
  });

  it('puts the team’s texts in their chapters: onderbouwing, where the organisation stands, communication, involvement', () => {
    expect(section(plan, 'aanleiding').blocks.filter((b) => b.type === 'paragraph')).toHaveLength(3);
    expect(section(plan, 'team').blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^Het Steunpunt Mantelzorg heeft een sterk netwerk/) });
    const [channels] = tables(section(plan, 'communicatie'));
    expect(row(channels, 'Voorlichting na het vrijdaggebed')).toEqual(['Voorlichting na het vrijdaggebed', 'Turks, Arabisch', 'Moskee Ulu Camii, Moskee Al Houda', 'Turkse gemeenschap, Marokkaanse gemeenschap']);
    expect(row(channels, 'Folder')[3]).toBe('iedereen');
    // Languages of the map's communities that no channel speaks yet are the team's to-do, not the funder's reading.
    expect(todoOf(plan, 'communicatie')).toEqual(['Nog geen middel in: Dari, Pasjtoe en Sranantongo.']);
    expect(section(plan, 'betrokkenheid').blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/^Hatice Demir en Karim Amrani schreven mee/) });
  });

  it('draws the planning per phase with development time, milestones and evaluation moments, and says what continues (borgen)', () => {
    const planning = section(plan, 'planning');
    expect(planning.landscape).toBe(true);
    const chart = planning.blocks.find((b) => b.type === 'timeline');
    if (chart?.type !== 'timeline') throw new Error('no timeline');
    expect(chart.timeline.months[0]).toBe('okt ’26');
    expect(chart.timeline.months).toHaveLength(15);
    expect(chart.timeline.rows.map((r) => r.label)).toEqual(['Ontwikkeling en voorbereiding', 'Bereiken', 'Binden', 'Borgen', 'Mijlpalen en evaluatie']);
    const bereiken = chart.timeline.rows[1];
    expect(bereiken.active.map((on) => (on ? 'x' : '.')).join('')).toBe('...xxxxxx......');
    expect(bereiken.marks).toEqual([{ index: 3, label: '◆' }, { index: 6, label: '●' }]);
    const [phases, milestones] = tables(planning);
    expect(row(phases, 'Ontwikkeling en voorbereiding')).toEqual(['Ontwikkeling en voorbereiding', 'oktober 2026 – december 2026', 'Netwerk opbouwen, sleutelfiguren werven en trainen', 'Samira El Idrissi, Joost van Dam, Hatice Demir']);
    // A phase the team gave no people: those with commitments for its offers.
    expect(row(phases, 'Binden')[3]).toBe('Alzheimer Nederland, afdeling Maasdonk, Hatice Demir, Karim Amrani');
    expect(milestones.rows.filter((r) => r[3] === 'ja').map((r) => r[1])).toEqual(['Evaluatie eerste kwartaal met de sleutelfiguren', 'Tussenevaluatie met gemeente en fonds', 'Eindevaluatie']);
    const borgen = section(plan, 'borgen');
    expect(borgen.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual([
      expect.stringMatching(/^Na 2027 neemt het Steunpunt het inloopspreekuur op/),
      'Dit wordt gedragen door Samira El Idrissi en Karim Amrani.',
    ]);
  });

  it('has the commitments table with rates, on a landscape page', () => {
    const s = section(plan, 'afspraken');
    expect(s.landscape).toBe(true);
    const [t] = tables(s);
    expect(t.header).toEqual(['Wie', 'Rol', 'Taak', 'Uur per maand', 'Periode', 'Status', 'Tarief', 'Budget per maand']);
    expect(row(t, 'Karim Amrani')).toEqual(['Karim Amrani', 'Ervaringsdeskundige', 'lotgenotengroep dochters', '12', 'vanaf februari 2027 (open einde)', 'afgesproken', '€ 32,50', '€ 390,00']);
    expect(row(t, 'Joost van Dam')[3]).toBe('17,3 (4 per week)');
    expect(t.rows.filter((r) => r[0] === 'Hatice Demir').map((r) => [r[2], r[3], r[4]])).toEqual([
      ['inloopspreekuur, tolken', '8', 'januari t/m december 2027'],
      ['Alzheimer Theehuis', '6', 'maart t/m juni 2027'],
    ]);
    expect(row(t, 'Alzheimer Nederland, afdeling Maasdonk')[3]).toBe('2 (8 in totaal)');
  });

  it('shows Hatice Demir at 14 hours a month from March to June against a capacity of 8', () => {
    const [load] = tables(section(plan, 'afspraken-capaciteit'));
    expect(row(load, 'Hatice Demir')).toEqual(['Hatice Demir', '8', '14', 'maart t/m juni 2027']);
    expect(row(load, 'Karim Amrani')[3]).toBe('nee');
  });

  it('has a begroting with cost lines and dekking, and says how much is not covered yet', () => {
    const s = section(plan, 'begroting');
    const [costs, funding] = tables(s);
    expect(row(costs, 'Uren tegen uurtarief (afgesproken)')).toEqual(['Uren tegen uurtarief (afgesproken)', '132 uur', 'hele project', '€ 4.290,00']);
    expect(row(costs, 'Vertaling en tolken')).toEqual(['Vertaling en tolken', 'Folder en uitnodigingen in Turks, Arabisch en Dari; 3 × € 450,00', 'hele project', '€ 1.350,00']);
    expect(row(costs, 'Eigen inzet organisaties (gewaardeerd)')).toEqual(['Eigen inzet organisaties (gewaardeerd)', '264 uur', 'hele project', '€ 12.960,00']);
    expect(norm(costs.totals)).toEqual(['Totale kosten', '', '', '€ 25.980,00']);
    expect(row(funding, 'Fonds')).toEqual(['Fonds', 'Oranje Fonds', 'aangevraagd', '15 februari 2027', '€ 6.000,00', '–']);
    expect(norm(funding.totals)).toEqual(['Totaal gedekt', '', '', '', '€ 6.000,00 open', '€ 23.460,00']);
    const text = s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text.replace(/\u00a0/g, ' ')] : []));
    expect(text).toEqual([
      'Tegenover € 25.980,00 aan kosten staat € 23.460,00 aan dekking. Er is nog € 2.520,00 niet gedekt. Als de lopende aanvragen (€ 6.000,00) worden toegekend, is het plan gedekt.',
      'Daarnaast zetten de deelnemers 328 uur eigen inzet in zonder uurtarief; die uren staan hieronder per organisatie.',
      'Nog voorgesteld en niet afgesproken: 32 uur. Deze uren tellen pas mee in de begroting als ze zijn afgesproken.',
    ]);
    // Professional hours without a rate are never priced at zero.
    expect(JSON.stringify(s).replace(/\u00a0/g, ' ')).not.toContain('€ 0,00');
  });

  it('totals per organisation with the people under them, as a funder reads them', () => {
    const [orgs] = tables(section(plan, 'begroting-organisaties'));
    const names = orgs.rows.map((r) => r[0].replace(/\u00a0/g, '·'));
    expect(names).toEqual([
      'Alzheimer Nederland, afdeling Maasdonk',
      'Gemeente Maasdonk', '····Inge Verhoeven',
      'Hogeschool Maasdonk', '····nog geen uren afgesproken',
      'Steunpunt Mantelzorg Maasdonk', '····Samira El Idrissi',
      'Welzijn Oost', '····Joost van Dam',
      'Sleutelfiguren, vrijwilligers en mantelzorgers', '····Fatma Yildiz', '····Hatice Demir', '····Karim Amrani',
    ]);
    expect(row(orgs, 'Steunpunt Mantelzorg Maasdonk')).toEqual(['Steunpunt Mantelzorg Maasdonk', '–', '–', '192', '€ 8.640,00', '–']);
    // Welzijn Oost has no default rate: its 208 hours are eigen inzet in hours, not € 0.
    expect(row(orgs, 'Welzijn Oost')).toEqual(['Welzijn Oost', '–', '–', '208', '–', '–']);
    expect(row(orgs, 'Sleutelfiguren, vrijwilligers en mantelzorgers')).toEqual(['Sleutelfiguren, vrijwilligers en mantelzorgers', '132', '€ 4.290,00', '120', '–', '24']);
    expect(norm(orgs.totals)).toEqual(['Totaal', '132', '€ 4.290,00', '592', '€ 12.960,00', '32']);
    const [roles] = tables(section(plan, 'begroting-rollen'));
    expect(row(roles, 'Professional')).toEqual(['Professional', '–', '–', '280', '–']);
  });

  it('monitors the goals’ indicators per quarter beside the four topics of step 08, with the chosen evaluation moments', () => {
    const monitoring = section(plan, 'monitoring');
    const [indicators] = tables(monitoring);
    expect(indicators.header).toEqual(['Indicator', 'Nulmeting', 'Streefwaarde', 'K1 2027', 'K2 2027', 'K3 2027', 'K4 2027']);
    expect(row(indicators, 'Turkse mantelzorgers in contact met het Steunpunt')).toEqual(['Turkse mantelzorgers in contact met het Steunpunt', '4', '30', '9', '–', '–', '–']);
    const topics = monitoring.blocks.find((b) => b.type === 'bullets');
    expect(topics?.type === 'bullets' && topics.items.map((i) => i.split(':')[0])).toEqual(['Bereik', 'Netwerk', 'Communicatie-inspanningen', 'Budget']);
    const [quarters] = tables(section(plan, 'monitoring-kwartalen'));
    expect(quarters.rows.map((r) => r[0])).toEqual(['K1 2027', 'K2 2027', 'K3 2027', 'K4 2027']);
    expect(row(quarters, 'K1 2027')[2]).toBe('€ 780,00');
    expect(row(quarters, 'K2 2027')[4]).toBe('juli 2027');
    const [moments] = tables(section(plan, 'monitoring-evaluatie'));
    expect(moments.rows[0]).toEqual(['april 2027', 'Evaluatie eerste kwartaal met de sleutelfiguren']);
    expect(moments.rows).toContainEqual(['juli 2027', 'Tussenevaluatie met gemeente en fonds']);
    expect(moments.rows).toContainEqual(['juni 2027', 'Alzheimer Theehuis stopt: vervolg afspreken (borgen)']);
  });

  it('turns the map’s problems into one risk table, worded for the reader, with owners and dates the team set', () => {
    const doc = voorbeeldkaartDoc();
    writeVoorbeeldplan(doc);
    const snapshot = snapshotMap(doc);
    const afghaans = diagnose(snapshot).find((p) => p.code === 'community.noKeyFigure');
    if (!afghaans) throw new Error('no problem');
    putRecord(doc, PLAN_COLLECTION.risks, { owner: VK.samira, due: '2027-03-01' }, riskKey(afghaans));
    const withOwner = buildPlan(snapshotMap(doc), { date: DATE });
    const s = section(withOwner, 'risicos');
    const [risks] = tables(s);
    expect(s.blocks.filter((b) => b.type !== 'table')).toEqual([]);
    expect(risks.header).toEqual(['Ernst', 'Risico en maatregel', 'Eigenaar', 'Uiterlijk']);
    expect(risks.rows).toContainEqual(['Middel', expect.stringMatching(/^Voor de Afghaanse gemeenschap is er nog geen sleutelfiguur die de mensen vertrouwen/), 'Samira El Idrissi', '1 maart 2027']);
    // An offer that ends without follow-up is a high risk, whatever its weight on the map.
    expect(risks.rows[0]).toEqual(['Hoog', expect.stringMatching(/^Alzheimer Theehuis stopt na juni 2027 zonder afgesproken vervolg/), '–', '–']);
    // The new warnings of the review: an offer nobody is committed to, a key figure who is the only bridge without an agreement.
    expect(risks.rows).toContainEqual(['Middel', expect.stringContaining('Niemand heeft uren toegezegd voor Informatiebijeenkomst pgb en Wmo'), '–', '–']);
    expect(risks.rows).toContainEqual(['Middel', expect.stringContaining('Ilse Kromodimedjo is de enige brug naar de Surinaamse gemeenschap'), '–', '–']);
    expect(risks.rows).toContainEqual(['Laag', expect.stringContaining('categorie Scholen'), '–', '–']);
    expect(risks.rows.some((r) => r[1].includes('Bibliotheek Maasdonk heeft geen categorie'))).toBe(false);
    expect(todoOf(withOwner, 'risicos')).toEqual([`${risks.rows.length - 1} risico’s hebben nog geen eigenaar.`]);
  });

  it('calls nothing arranged for after the project a high risk', () => {
    const plain = buildPlan(voorbeeldkaartSnapshot(), { date: DATE });
    const [risks] = tables(section(plain, 'risicos'));
    expect(risks.rows[0]).toEqual(['Hoog', expect.stringMatching(/^Er is niets geregeld voor na het project/), '–', '–']);
    expect(risks.rows.filter((r) => r[0] === 'Hoog')).toHaveLength(2);
    // Writing down what continues takes that risk away.
    const [after] = tables(section(plan, 'risicos'));
    expect(after.rows.some((r) => r[1].startsWith('Er is niets geregeld'))).toBe(false);
  });

  it('is written in English when asked', () => {
    const en = buildPlan(voorbeeldplanSnapshot(), { date: DATE, lang: 'en' });
    expect(en.titlePage.date).toBe('15 January 2027');
    expect(en.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      'Question and goals', 'Background and target groups', 'The organisation and the team', 'The local field', 'Key figures and reach',
      'Chosen support per phase', 'Planning', 'Communication', 'Commitments of time and role', 'Budget and funding', 'Evaluation and monitoring',
      'How key figures and partners helped write this plan', 'Risks and measures',
    ]);
    const [t] = tables(section(en, 'afspraken'));
    expect(row(t, 'Karim Amrani')[7]).toBe('€390.00');
    expect(row(t, 'Karim Amrani')[4]).toBe('from February 2027 (open end)');
    const [costs] = tables(section(en, 'begroting'));
    expect(norm(costs.totals)).toEqual(['Total costs', '', '', '€25,980.00']);
    expect(en.labels.summary).toBe('Summary');
  });
});

describe('the text of the plan', () => {
  /** Words that instruct someone using the app; a plan a team sends has none of them. */
  const APP_WORDS = /op de kaart|on the map|verbind|connect .* with|\bzet (die|het|ze)\b|put it|klik|click|exporteer|export the plan|knop|button|vul .* aan|add them here|vink|\btick\b|bewerklink|edit link|bekijklink|view link|Mantelkaart|placeholder|nog niet ingevuld|still missing/i;
  const maps: [string, () => MapSnapshot][] = [
    ['the example plan', voorbeeldplanSnapshot],
    ['the Voorbeeldkaart without a written plan', voorbeeldkaartSnapshot],
    ['an empty map', emptyMap],
  ];
  for (const [name, snapshot] of maps) {
    for (const lang of ['nl', 'en'] as const) {
      it(`has no instruction for the app in ${name} (${lang})`, async () => {
        const plan = buildPlan(snapshot(), { date: DATE, lang });
        const md = renderPlanMarkdown(plan);
        const offending = md.split('\n').filter((line) => APP_WORDS.test(line));
        expect(offending).toEqual([]);
        const docx = textOf(readDocx(await renderPlanDocx(plan)).documentXml);
        expect(docx).not.toMatch(APP_WORDS);
      });
    }
  }

  it('catches an app instruction when one slips in (the scan itself can fail)', () => {
    expect('Zoek een sleutelfiguur en verbind die met ‘bereikt’.').toMatch(APP_WORDS);
    expect('Put it on the map.').toMatch(APP_WORDS);
  });
});

describe('private contact details in the plan', () => {
  it('stay out unless the facilitator ticks them in', async () => {
    const { snapshot, privateFields } = withPrivate();
    const without = buildPlan(snapshot, { date: DATE, privateFields });
    expect(JSON.stringify(without)).not.toContain(PHONE);
    expect(renderPlanMarkdown(without)).not.toContain(PHONE);
    expect(renderPlanHtml(without)).not.toContain(PHONE);
    expect(textOf(readDocx(await renderPlanDocx(without)).documentXml)).not.toContain(PHONE);

    const ticked = buildPlan(snapshot, { date: DATE, privateFields, includePrivate: true });
    const [figures] = tables(section(ticked, 'sleutelfiguren'));
    expect(row(figures, 'Hatice Demir (sleutelfiguur)').slice(-2)).toEqual([PHONE, 'hatice@example.nl']);
    expect(renderPlanMarkdown(ticked)).toContain(PHONE);
    expect(textOf(readDocx(await renderPlanDocx(ticked)).documentXml)).toContain(PHONE);
  });
});

function emptyMap(): MapSnapshot {
  return { meta: { schemaVersion: 1, title: '', template: '', createdAt: 0 }, nodes: [], edges: [], collections: {}, texts: {} };
}

describe('the plan’s contact person', () => {
  it('shows name and organisation, and a phone number only when the facilitator ticks contact details in', () => {
    const doc = voorbeeldkaartDoc();
    writeVoorbeeldplan(doc);
    const priv = new Y.Doc();
    setPrivateFields(priv, VK.samira, { phone: '06-99887766', email: 'samira@example.nl' });
    const privateFields = privateFieldsOf(priv);
    const facts = (plan: PlanDocument) => plan.titlePage.blocks.flatMap((b) => (b.type === 'facts' ? b.items : []));
    expect(facts(buildPlan(snapshotMap(doc), { date: DATE, privateFields }))).toContainEqual(['Contactpersoon', 'Samira El Idrissi (Steunpunt Mantelzorg Maasdonk)']);
    expect(facts(buildPlan(snapshotMap(doc), { date: DATE, privateFields, includePrivate: true }))).toContainEqual(['Contactpersoon', 'Samira El Idrissi (Steunpunt Mantelzorg Maasdonk), 06-99887766, samira@example.nl']);
  });
});

describe('an empty map', () => {
  const plan = buildPlan(emptyMap(), { date: DATE });

  it('prints no empty section and no placeholder: what is missing goes to the app’s to-do list', () => {
    expect(plan.titlePage.title).toBe('Projectplan');
    for (const s of plan.sections) {
      const hasParts = plan.sections.some((x, i) => i > plan.sections.indexOf(s) && x.level === 2);
      if (s.level === 2 || !hasParts) expect(s.blocks.length, s.id).toBeGreaterThan(0);
    }
    expect(plan.sections.map((s) => s.id)).not.toContain('doelen');
    expect(plan.sections.map((s) => s.id)).not.toContain('begroting');
    expect(plan.summary).toEqual([]);
    const sections = new Set(plan.todo.map((t) => t.section));
    for (const id of ['titel', 'samenvatting', 'doelen', 'aanleiding', 'team', 'planning', 'communicatie', 'afspraken', 'begroting', 'betrokkenheid']) expect(sections, id).toContain(id);
    expect(todoOf(plan, 'doelen')).toContainEqual(expect.stringMatching(/^Nog geen doelen/));
    expect(todoOf(plan, 'begroting')).toContainEqual(expect.stringMatching(/^Nog geen kostenposten/));
    expect(todoOf(plan, 'afspraken')[0]).toMatch(/^Nog geen afspraken/);
  });
});

describe('the plan as files', () => {
  const plan = buildPlan(voorbeeldplanSnapshot(), { date: DATE, mapImage: true });

  it('gives a Word document with the headings as Heading styles, the tables, the chart and the map', async () => {
    const { documentXml, files } = readDocx(await renderPlanDocx(plan, { mapImagePng: makePng(1200, 700) }));
    const h1 = paragraphsWithStyle(documentXml, 'Heading1');
    expect(h1).toEqual(plan.sections.filter((s) => s.level === 1).map((s) => s.heading));
    expect(h1.at(-1)).toBe('Bijlage: de kaart');
    expect(paragraphsWithStyle(documentXml, 'Heading2')).toContain('Inzet per organisatie');
    // Every table, the chart, and the facts on the title page.
    const tableCount = plan.sections.reduce((n, s) => n + s.blocks.filter((b) => b.type === 'table' || b.type === 'timeline').length, 0) + 1;
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(tableCount);
    const text = textOf(documentXml);
    expect(text).toContain('€\u00a0390,00');
    expect(text).not.toContain('Categorie Scholen ontbreekt nog');
    expect(files.filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(1);
  });

  it('gives Markdown with the tables', () => {
    const md = renderPlanMarkdown(plan).replace(/\u00a0/g, ' ');
    expect(md).toContain('## Afspraken over tijd en rol');
    expect(md).toContain('| Karim Amrani | Ervaringsdeskundige | lotgenotengroep dochters | 12 | vanaf februari 2027 (open einde) | afgesproken | € 32,50 | € 390,00 |');
    expect(md).toContain('| **Totale kosten** |   |   | **€ 25.980,00** |');
    expect(md).not.toContain('> ');
  });

  it('formats the plan date', () => {
    expect(formatPlanDate(new Date(Date.UTC(2027, 2, 5)), 'nl')).toBe('5 maart 2027');
    expect(formatPlanDate('2027-12-31', 'en')).toBe('31 December 2027');
  });
});
