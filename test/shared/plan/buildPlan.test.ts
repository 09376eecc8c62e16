import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { privateFieldsOf } from '../../../shared/exchange/privateFieldsOf';
import { snapshotMap } from '../../../shared/model/mapDoc';
import { setPrivateFields } from '../../../shared/model/privateDoc';
import type { MapSnapshot } from '../../../shared/model/schema';
import { buildPlan, formatPlanDate } from '../../../shared/plan/buildPlan';
import type { PlanBlock, PlanDocument, PlanSection, PlanTable } from '../../../shared/plan/planDocument';
import { renderPlanDocx } from '../../../shared/plan/renderPlanDocx';
import { renderPlanHtml } from '../../../shared/plan/renderPlanHtml';
import { renderPlanMarkdown } from '../../../shared/plan/renderPlanMarkdown';
import { VK, voorbeeldkaartSnapshot } from '../../fixtures/voorbeeldkaart';
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
const missing = (s: PlanSection): string[] => s.blocks.flatMap((b: PlanBlock) => (b.type === 'missing' ? b.items : []));
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

describe('the projectplan of the Voorbeeldkaart', () => {
  const plan = buildPlan(voorbeeldkaartSnapshot(), { date: DATE });

  it('follows the Stappenplan in exactly the sections issue 6 lists', () => {
    expect(plan.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      'Aanleiding en doelgroepen',
      'De organisatie en het team',
      'Het lokale speelveld',
      'Sleutelfiguren en bereik',
      'Gekozen ondersteuning per fase',
      'Afspraken over tijd en rol',
      'Evaluatie en monitoring',
      'Open punten en risico’s',
      'Bijlage: de kaart',
    ]);
    expect(plan.sections.filter((s) => s.id.startsWith('ondersteuning-')).map((s) => s.heading)).toEqual(['Bereiken', 'Binden', 'Borgen']);
  });

  it('has a title page with the map name, the date and the team with their organisations', () => {
    expect(plan.titlePage.title).toBe(voorbeeldkaartSnapshot().meta.title);
    expect(plan.titlePage.date).toBe('15 januari 2027');
    const team = plan.titlePage.blocks.find((b) => b.type === 'table');
    if (team?.type !== 'table') throw new Error('no team table');
    expect(row(team.table, 'Inge Verhoeven')).toEqual(['Inge Verhoeven', 'Gemeente Maasdonk', 'Praktijkkennis']);
    expect(row(team.table, 'Fatma Yildiz')[1]).toBe('mantelzorger');
    expect(row(team.table, 'dr. Lotte Brink')[2]).toBe('Wetenschappelijke kennis');
  });

  it('describes the communities with wijk, languages, size and needs, and says whose needs are not heard yet', () => {
    const s = section(plan, 'aanleiding');
    const [t] = tables(s);
    expect(row(t, 'Turkse gemeenschap')).toEqual(['Turkse gemeenschap', 'Oost, Kruisakker', 'Turks, Nederlands', '1.800', 'informatie over dementie in eigen taal; respijt']);
    expect(t.totals?.[3]).toBe('5.450');
    expect(missing(s).join(' ')).toContain('Afghaanse gemeenschap: nog geen behoeften opgehaald');
  });

  it('shows the knowledge sources at the table', () => {
    const sources = tables(section(plan, 'team')).at(-1);
    expect(sources?.rows).toEqual([
      ['Wetenschappelijke kennis', 'dr. Lotte Brink'],
      ['Praktijkkennis', 'Inge Verhoeven, Joost van Dam en Samira El Idrissi'],
      ['Ervaringskennis', 'Fatma Yildiz'],
    ]);
    expect(missing(section(plan, 'team'))).toEqual([]);
  });

  it('groups partners by role and by category and lists the missing category Scholen', () => {
    const [byRole] = tables(section(plan, 'speelveld-rollen'));
    expect(row(byRole, 'Doorverwijsorganisatie')[1]).toContain('Wmo-loket Gemeente Maasdonk');
    expect(missing(section(plan, 'speelveld-rollen'))).toContain('Bibliotheek Maasdonk heeft nog geen rol.');
    const [byCategory] = tables(section(plan, 'speelveld-categorieen'));
    expect(byCategory.rows).toHaveLength(7);
    expect(row(byCategory, 'Scholen')[1]).toBe('–');
    expect(row(byCategory, 'Welzijn')[1]).toContain('Bibliotheek Maasdonk');
    expect(missing(section(plan, 'speelveld-categorieen'))).toEqual([expect.stringMatching(/^Categorie Scholen ontbreekt nog, bijvoorbeeld: basisschool/)]);
    const [places] = tables(section(plan, 'speelveld-vindplaatsen'));
    expect(row(places, 'Buurthuis De Kruisakker')).toEqual(['Buurthuis De Kruisakker', 'buurthuis', 'Marokkaanse gemeenschap, Turkse gemeenschap']);
  });

  it('shows how each community is reached and flags the Afghaanse gemeenschap', () => {
    const s = section(plan, 'sleutelfiguren-bereik');
    const [t] = tables(s);
    expect(row(t, 'Afghaanse gemeenschap')).toEqual(['Afghaanse gemeenschap', '–', '–', '–']);
    expect(row(t, 'Turkse gemeenschap')[1]).toBe('Hatice Demir');
    expect(missing(s)).toContain('Afghaanse gemeenschap: nog geen sleutelfiguur; deze gemeenschap is nog niet echt bereikt.');
    const [figures] = tables(section(plan, 'sleutelfiguren'));
    expect(row(figures, 'Karim Amrani (AMWAHT-er)')).toEqual(['Karim Amrani (AMWAHT-er)', 'Marokkaanse gemeenschap', 'Tarifit, Arabisch, Nederlands', 'betaald', '€ 32,50', '16']);
  });

  it('lists the chosen support per phase and says borgen is still empty', () => {
    const [binden] = tables(section(plan, 'ondersteuning-binden'));
    expect(row(binden, 'Alzheimer Theehuis')).toEqual(['Alzheimer Theehuis', 'ontmoetingsgroep', 'Turks', 'Turkse gemeenschap', 'maart t/m juni 2027', 'nog niet vastgelegd']);
    expect(tables(section(plan, 'ondersteuning-borgen'))).toEqual([]);
    expect(missing(section(plan, 'ondersteuning-borgen'))[0]).toMatch(/^Nog geen aanbod in de fase borgen/);
  });

  it('has the commitments table with rates, and hours and budget per party and overall', () => {
    const [t] = tables(section(plan, 'afspraken'));
    expect(t.header).toEqual(['Wie', 'Rol', 'Taak', 'Uur per maand', 'Periode', 'Status', 'Tarief', 'Budget per maand']);
    expect(row(t, 'Karim Amrani')).toEqual(['Karim Amrani', 'Ervaringsdeskundige', 'lotgenotengroep dochters', '12', 'vanaf februari 2027 (open einde)', 'afgesproken', '€ 32,50', '€ 390,00']);
    expect(row(t, 'Joost van Dam')[3]).toBe('17,3 (4 per week)');
    expect(t.rows.filter((r) => r[0] === 'Hatice Demir').map((r) => [r[2], r[3], r[4]])).toEqual([
      ['inloopspreekuur, tolken', '8', 'januari t/m december 2027'],
      ['Alzheimer Theehuis', '6', 'maart t/m juni 2027'],
    ]);
    expect(row(t, 'Alzheimer Nederland, afdeling Maasdonk')[3]).toBe('2 (8 in totaal)');

    const [parties] = tables(section(plan, 'afspraken-partijen'));
    expect(row(parties, 'Karim Amrani')).toEqual(['Karim Amrani', '1', '132', '€ 4.290,00']);
    expect(row(parties, 'Hatice Demir')).toEqual(['Hatice Demir', '2', '120', '€ 0,00']);
    expect(norm(parties.totals)).toEqual(['Totaal', '8', '756', '€ 4.290,00']);
  });

  it('shows Hatice Demir at 14 hours a month from March to June against a capacity of 8', () => {
    const [load] = tables(section(plan, 'afspraken-capaciteit'));
    expect(row(load, 'Hatice Demir')).toEqual(['Hatice Demir', '8', '14', 'maart t/m juni 2027']);
    expect(row(load, 'Karim Amrani')[3]).toBe('nee');
  });

  it('derives the quarters of the monitoring plan from the commitments and lists evaluation moments', () => {
    const [quarters] = tables(section(plan, 'monitoring-kwartalen'));
    expect(quarters.rows.map((r) => r[0])).toEqual(['K1 2027', 'K2 2027', 'K3 2027', 'K4 2027']);
    expect(row(quarters, 'K1 2027')[2]).toBe('€ 780,00');
    expect(row(quarters, 'K2 2027')[4]).toBe('juli 2027');
    expect(row(quarters, 'K2 2027')[3]).toContain('Alzheimer Theehuis');
    expect(norm(quarters.totals)[2]).toBe('€ 4.290,00');
    const monitoring = section(plan, 'monitoring');
    const topics = monitoring.blocks.find((b) => b.type === 'bullets');
    expect(topics?.type === 'bullets' && topics.items.map((i) => i.split(':')[0])).toEqual(['Bereik', 'Netwerk', 'Communicatie-inspanningen', 'Budget']);
    const evaluation = section(plan, 'monitoring-evaluatie');
    const [moments] = tables(evaluation);
    expect(moments.rows).toContainEqual(['juni 2027', 'Alzheimer Theehuis stopt: vervolg afspreken (borgen)']);
    expect(moments.rows).toContainEqual(['december 2027', expect.stringMatching(/^afspraken lopen af: verlengen of afronden \(Fatma Yildiz \(klankbord voor de werkgroep\), Hatice Demir/)]);
    expect(missing(evaluation)[0]).toMatch(/^Nog geen evaluatiedata/);
  });

  it('lists the open problems as risks, the Afghaanse gemeenschap without key figure among them', () => {
    const [risks] = tables(section(plan, 'risicos'));
    expect(risks.rows).toContainEqual(['Middel', expect.stringContaining('Niemand op de kaart bereikt de Afghaanse gemeenschap')]);
    expect(risks.rows).toContainEqual(['Middel', expect.stringContaining('Hatice Demir heeft in maart t/m juni 2027 14 uur per maand')]);
    expect(risks.rows).toContainEqual(['Aandachtspunt', expect.stringContaining('categorie Scholen')]);
  });

  it('is written in English when asked', () => {
    const en = buildPlan(voorbeeldkaartSnapshot(), { date: DATE, lang: 'en' });
    expect(en.titlePage.date).toBe('15 January 2027');
    expect(en.sections.map((s) => s.heading)).toContain('Commitments of time and role');
    const [t] = tables(section(en, 'afspraken'));
    expect(row(t, 'Karim Amrani')[7]).toBe('€390.00');
    expect(row(t, 'Karim Amrani')[4]).toBe('from February 2027 (open end)');
    expect(en.labels.missing).toBe('Still missing');
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

describe('an empty map', () => {
  it('still has every section, each saying what is missing', () => {
    const empty: MapSnapshot = { meta: { schemaVersion: 1, title: '', template: '', createdAt: 0 }, nodes: [], edges: [], collections: {} };
    const plan = buildPlan(empty, { date: DATE });
    expect(plan.titlePage.title).toBe('Projectplan');
    for (const s of plan.sections) {
      if (s.id === 'bijlage-kaart' || s.id === 'risicos' || s.id === 'speelveld' || s.id === 'monitoring' || s.id === 'ondersteuning' || s.id === 'speelveld-rollen' || s.id === 'speelveld-categorieen' || s.id === 'team') continue;
      expect(missing(s).length, s.id).toBeGreaterThan(0);
    }
    expect(missing(section(plan, 'team'))).toContain('Nog geen deelnemers op de kaart.');
    expect(missing(section(plan, 'afspraken'))[0]).toMatch(/^Nog geen afspraken/);
    expect(missing(section(plan, 'speelveld-categorieen'))).toHaveLength(7);
  });
});

describe('the plan as files', () => {
  const plan = buildPlan(voorbeeldkaartSnapshot(), { date: DATE });

  it('gives a Word document with the headings as Heading styles and the tables', async () => {
    const { documentXml, files } = readDocx(await renderPlanDocx(plan, { mapImagePng: makePng(1200, 700) }));
    const h1 = paragraphsWithStyle(documentXml, 'Heading1');
    expect(h1).toEqual(plan.sections.filter((s) => s.level === 1).map((s) => s.heading));
    expect(paragraphsWithStyle(documentXml, 'Heading2')).toContain('Uren en budget per partij');
    const tableCount = plan.sections.reduce((n, s) => n + tables(s).length, 0) + 1; // + the team on the title page
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(tableCount);
    const text = textOf(documentXml);
    expect(text).toContain('€\u00a0390,00');
    expect(text).toContain('Categorie Scholen ontbreekt nog');
    expect(files.filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(1);
  });

  it('gives Markdown with the tables', () => {
    const md = renderPlanMarkdown(plan).replace(/\u00a0/g, ' ');
    expect(md).toContain('## Afspraken over tijd en rol');
    expect(md).toContain('| Karim Amrani | Ervaringsdeskundige | lotgenotengroep dochters | 12 | vanaf februari 2027 (open einde) | afgesproken | € 32,50 | € 390,00 |');
    expect(md).toContain('| **Totaal** | **8** | **756** | **€ 4.290,00** |');
    expect(md).toContain('> **Nog niet ingevuld**');
  });

  it('formats the plan date', () => {
    expect(formatPlanDate(new Date(Date.UTC(2027, 2, 5)), 'nl')).toBe('5 maart 2027');
    expect(formatPlanDate('2027-12-31', 'en')).toBe('31 December 2027');
  });
});
