import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotMap } from '../../../shared/model/mapDoc';
import { COMMITMENTS } from '../../../shared/stakeholders/commitments';
import { readArea } from '../../../shared/stakeholders/kinds/area';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { STAPPENPLAN_STEPS } from '../../../shared/stakeholders/stappenplanSteps';
import {
  KRACHTENVELD_GRID, MAP_TEMPLATES, applyTemplate, krachtenveldTemplate, leegTemplate, quadrantOf, quadrantOfNode, stappenplanTemplate, voorbeeldkaartTemplate,
} from '../../../shared/stakeholders/templates/index';

describe('templates', () => {
  it('apply cleanly: every node, edge and record lands, and every edge has both ends', () => {
    for (const t of MAP_TEMPLATES) {
      const doc = new Y.Doc();
      applyTemplate(doc, t, 'test');
      const s = snapshotMap(doc);
      expect(s.nodes).toHaveLength(t.nodes.length);
      expect(s.edges).toHaveLength(t.edges.length);
      const ids = new Set(s.nodes.map((n) => n.id));
      for (const e of s.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      for (const [name, records] of Object.entries(t.records)) expect(s.collections[name]).toHaveLength(records.length);
    }
  });

  it('applies in one transaction, so one undo step removes it', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    applyTemplate(doc, voorbeeldkaartTemplate, 'test');
    expect(updates).toBe(1);
  });

  it('mints fresh ids and rewrites references, so the same template can be applied twice', () => {
    const doc = new Y.Doc();
    const first = applyTemplate(doc, voorbeeldkaartTemplate, 'test');
    const second = applyTemplate(doc, voorbeeldkaartTemplate, 'test', { offset: { x: 0, y: 2000 } });
    const s = snapshotMap(doc);
    expect(s.nodes).toHaveLength(2 * voorbeeldkaartTemplate.nodes.length);
    const karim = s.collections[COMMITMENTS].filter((r) => r.data.task === 'lotgenotengroep dochters').map((r) => r.data.who);
    expect(karim.sort()).toEqual([first['vk-karim'], second['vk-karim']].sort());
    const offer = s.nodes.find((n) => n.id === second['vk-inloop']);
    expect(offer?.data.communities).toEqual([second['vk-turks'], second['vk-marokkaans']]);
    expect(offer?.y).toBe(2000);
  });

  it('leeg is empty', () => {
    expect([leegTemplate.nodes, leegTemplate.edges, leegTemplate.records]).toEqual([[], [], {}]);
  });

  it('lays out the nine Stappenplan steps as lanes left to right, each with its guiding questions in Dutch', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, stappenplanTemplate, 'test');
    const lanes = snapshotMap(doc).nodes.filter((n) => n.kind === KIND.area).sort((a, b) => a.x - b.x);
    expect(lanes.map((n) => readArea(n).step)).toEqual(STAPPENPLAN_STEPS.map((s) => s.id));
    expect(lanes[6].label).toBe('07 Verken de partijen met wie je wil samenwerken');
    expect(readArea(lanes[6]).questions).toContain('Welke organisaties in je netwerk missen nog?');
    for (const lane of lanes) expect(readArea(lane).questions.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < lanes.length; i++) expect(lanes[i].x).toBeGreaterThanOrEqual(lanes[i - 1].x + lanes[i - 1].width);
  });

  it('draws the krachtenveld as four quadrants whose own centres fall in their own quadrant', () => {
    const quadrants = krachtenveldTemplate.nodes.filter((n) => n.kind === KIND.area);
    expect(quadrants).toHaveLength(4);
    for (const q of quadrants) {
      expect(quadrantOfNode({ x: q.x ?? 0, y: q.y ?? 0, width: q.width ?? 0, height: q.height ?? 0 })).toBe(q.data?.quadrant);
    }
  });

  it('sets a node’s quadrant by its position: influence upwards, involvement to the right', () => {
    const { width: w, height: h } = KRACHTENVELD_GRID;
    expect(quadrantOf(w * 0.9, h * 0.1)).toBe('nauwBetrekken');
    expect(quadrantOf(w * 0.1, h * 0.1)).toBe('tevredenHouden');
    expect(quadrantOf(w * 0.9, h * 0.9)).toBe('informeren');
    expect(quadrantOf(w * 0.1, h * 0.9)).toBe('monitoren');
    expect(quadrantOf(-10, 10)).toBeNull();
    expect(quadrantOfNode({ x: w / 2 - 100, y: 10, width: 240, height: 60 })).toBe('nauwBetrekken');
  });
});
