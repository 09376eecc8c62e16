import { describe, expect, it } from 'vitest';
import { createEdge, createNode, nodesMap, snapshotMap } from '../../../shared/model/mapDoc';
import { buildPlan } from '../../../shared/plan/buildPlan';
import { buildQuarterlyReport } from '../../../shared/plan/buildQuarterlyReport';
import type { PlanSection, PlanTable } from '../../../shared/plan/planDocument';
import { renderPlanMarkdown } from '../../../shared/plan/renderPlanMarkdown';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { RELATION } from '../../../shared/stakeholders/relations';
import { VK, voorbeeldkaartDoc } from '../../fixtures/voorbeeldkaart';
import { writeVoorbeeldplan } from '../../fixtures/voorbeeldplan';

const DATE = '2027-04-02';
const SAVED = Date.UTC(2027, 0, 15, 12);

/** The Voorbeeldkaart at "Werksessie 1", and the map a quarter later. */
function quarter() {
  const doc = voorbeeldkaartDoc();
  writeVoorbeeldplan(doc);
  const then = snapshotMap(doc);
  const amina = createNode(doc, { kind: KIND.keyFigure, label: 'Amina Rahimi' });
  createEdge(doc, { kind: RELATION.reaches, source: amina, target: VK.afghaans });
  createNode(doc, { kind: KIND.partner, label: 'Basisschool De Regenboog', data: { category: 'scholen', role: 'verwijzer' } });
  doc.transact(() => nodesMap(doc).delete(VK.bibliotheek));
  return { then, now: snapshotMap(doc), since: { snapshot: then, name: 'Werksessie 1', createdAt: SAVED } };
}

const tables = (s: PlanSection): PlanTable[] => s.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));

describe('the plan compared with a version', () => {
  const { now, since } = quarter();
  const plan = buildPlan(now, { date: DATE, since });

  it('names the change in the monitoring chapter, right after its introduction', () => {
    const ids = plan.sections.map((s) => s.id);
    expect(ids.slice(ids.indexOf('monitoring'), ids.indexOf('monitoring') + 3)).toEqual(['monitoring', 'monitoring-sinds', 'monitoring-kwartalen']);
    const s = plan.sections.find((x) => x.id === 'monitoring-sinds')!;
    expect(s.heading).toBe('Sinds “Werksessie 1” (15 januari 2027)');
    const [reach, time] = tables(s);
    expect(reach.rows.find((r) => r[0] === 'Afghaanse gemeenschap')).toEqual(['Afghaanse gemeenschap', '0', '1', '0', '0']);
    expect(time.rows[0]).toEqual(['Afspraken over tijd en rol', '8', '8']);
    const bullets = s.blocks.flatMap((b) => (b.type === 'bullets' ? b.items : []));
    expect(bullets).toContain('Nieuwe sleutelfiguren: Amina Rahimi.');
    expect(bullets).toContain('Nieuwe partners: Basisschool De Regenboog (scholen, verwijzer).');
    expect(bullets).toContain('Niet meer betrokken: Bibliotheek Maasdonk (welzijn).');
    // Solved: the Afghaanse gemeenschap has a key figure now, and the category Scholen is no longer missing.
    const text = JSON.stringify(s);
    expect(text).toContain('Opgelost sinds toen');
    expect(text).toContain('Voor de Afghaanse gemeenschap is er nog geen sleutelfiguur');
    expect(text).toContain('Uit de categorie Scholen is nog geen partner betrokken');
  });

  it('is left out when no version is chosen', () => {
    expect(buildPlan(now, { date: DATE }).sections.map((s) => s.id)).not.toContain('monitoring-sinds');
  });
});

describe('the Kwartaalrapportage on its own', () => {
  const { now, since } = quarter();

  it('has the comparison and the goals’ indicators, in Dutch and in English, without app words', () => {
    const nl = buildQuarterlyReport(now, since, { date: DATE });
    expect(nl.titlePage.title).toBe('Kwartaalrapportage');
    expect(nl.titlePage.subtitle).toBe('Samen zorgen in Maasdonk-Oost');
    expect(nl.sections.map((s) => s.heading)).toEqual(['Wat is er veranderd', 'Doelen en indicatoren']);
    const md = renderPlanMarkdown(nl);
    expect(md).toContain('**Periode:** 15 januari 2027 tot 2 april 2027');
    expect(md).toContain('| Turkse mantelzorgers in contact met het Steunpunt | 4 | 30 | 9 |');
    expect(md).not.toMatch(/op de kaart|exporteer|klik/i);
    const en = buildQuarterlyReport(now, since, { date: DATE, lang: 'en' });
    expect(en.titlePage.title).toBe('Quarterly report');
    expect(renderPlanMarkdown(en)).toContain('New key figures: Amina Rahimi.');
  });
});
