import { describe, expect, it } from 'vitest';
import type { CollectionRecord, MapSnapshot } from '../../../shared/model/schema';
import { planBudget } from '../../../shared/plan/planBudget';
import { PLAN_COLLECTION, PLAN_INFO_ID, rateKey, readPlanData } from '../../../shared/plan/planData';
import { COMMITMENTS } from '../../../shared/stakeholders/commitments';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { commitment, node } from '../stakeholders/helpers';

/**
 * A small project in 2027 (twelve months), computed by hand:
 * - Anna (Steunpunt, default rate € 50): 10 h/month agreed, no rate → eigen inzet 120 h, valued € 6.000
 * - Bram (Welzijn, no default rate for sociaal werk): 5 h/month agreed → 60 h eigen inzet, in hours only
 * - Cem (paid key figure at € 30): 4 h/month Jan–Jun agreed → 24 h, € 720; plus 2 h/month Jul–Dec proposed → 12 h, € 360 apart
 * - Gemeente (organisation card, default rate € 60): 20 h total agreed, running → € 1.200 valued eigen inzet
 * Cost lines: 2 × € 125,50 = € 251; € 1.000 entered; one with only a quantity (no amount, counted as nothing)
 * Funding: gemeente granted € 5.000; fund requested € 3.000 (pending); fund declined € 9.999; own contribution € 500 granted
 * Costs: 720 + 251 + 1.000 + 6.000 + 1.200 = € 9.171. Covered: 5.000 + 500 + 7.200 = € 12.700. Gap: − € 3.529 (surplus).
 */
function project(): MapSnapshot {
  const rec = (id: string, data: CollectionRecord['data']): CollectionRecord => ({ id, data });
  const year = { from: '2027-01', to: '2027-12' } as const;
  return {
    meta: { schemaVersion: 1, title: 'p', template: '', createdAt: 0 },
    nodes: [
      node('anna', KIND.teamMember, 'Anna', { organisation: 'Steunpunt', organisationType: 'steunpuntMantelzorg' }),
      node('bram', KIND.teamMember, 'Bram', { organisation: 'Welzijn', organisationType: 'sociaalWerk' }),
      node('cem', KIND.keyFigure, 'Cem', { engagement: 'betaald', hourlyRate: 30 }),
      node('gem', KIND.organisation, 'Gemeente', { organisationType: 'gemeente' }),
    ],
    edges: [],
    collections: {
      [COMMITMENTS]: [
        commitment('c-anna', { who: 'anna', role: 'trekker', hours: 10, unit: 'perMonth', ...year, status: 'afgesproken' }),
        commitment('c-bram', { who: 'bram', role: 'professional', hours: 5, unit: 'perMonth', ...year, status: 'loopt' }),
        commitment('c-cem1', { who: 'cem', role: 'vrijwilliger', hours: 4, unit: 'perMonth', from: '2027-01', to: '2027-06', status: 'afgesproken' }),
        commitment('c-cem2', { who: 'cem', role: 'vrijwilliger', hours: 2, unit: 'perMonth', from: '2027-07', to: '2027-12', status: 'voorgesteld' }),
        commitment('c-gem', { who: 'gem', role: 'professional', hours: 20, unit: 'total', ...year, status: 'afgerond' }),
      ],
      [PLAN_COLLECTION.info]: [rec(PLAN_INFO_ID, { [rateKey('steunpuntMantelzorg')]: 50, [rateKey('gemeente')]: '60' })],
      [PLAN_COLLECTION.costs]: [
        rec('k1', { category: 'vertaling', quantity: 2, unitPrice: 125.5, createdAt: 1 }),
        rec('k2', { category: 'drukwerk', amount: '1000', createdAt: 2 }),
        rec('k3', { category: 'zaalhuur', quantity: 12, createdAt: 3 }),
      ],
      [PLAN_COLLECTION.funding]: [
        rec('f1', { source: 'gemeente', requested: 5000, granted: 5000, status: 'toegekend' }),
        rec('f2', { source: 'fonds', name: 'Fonds A', requested: 3000, status: 'aangevraagd' }),
        rec('f3', { source: 'fonds', name: 'Fonds B', requested: 9999, status: 'afgewezen' }),
        rec('f4', { source: 'eigenBijdrage', requested: 500, status: 'toegekend' }),
      ],
    },
    texts: {},
  };
}

describe('the budget of a plan', () => {
  const snapshot = project();
  const data = readPlanData(snapshot);
  const b = planBudget(snapshot, data.info, data.costs, data.funding);

  it('adds cost lines from an amount or quantity × price, and leaves an incomplete one out while naming it', () => {
    expect(data.costs.map((c) => c.amount)).toEqual([251, 1000, null]);
    expect(b.costLinesTotal).toBe(1251);
    expect(b.incompleteCostLines).toEqual(['k3']);
  });

  it('prices agreed hours at their rate, keeps eigen inzet in hours and values it only at a default rate, and keeps proposed hours apart', () => {
    expect(b.paid).toEqual({ hours: 24, amount: 720 });
    expect(b.own.hours).toBe(120 + 60 + 20);
    expect(b.own.amount).toBe(6000 + 1200);
    expect(b.ownUnvaluedHours).toBe(60);
    expect(b.proposed).toEqual({ hours: 12, amount: 360 });
  });

  it('sets costs against funding: granted and own contributions count, pending is shown apart, declined not at all', () => {
    expect(b.fundingGranted).toBe(5500);
    expect(b.fundingPending).toBe(3000);
    expect(b.totalCosts).toBe(9171);
    expect(b.totalCovered).toBe(12700);
    expect(b.gap).toBe(-3529);
    expect(b.gapIfPendingGranted).toBe(-6529);
  });

  it('groups by organisation with the people under them, and by role', () => {
    const byKey = Object.fromEntries(b.groups.map((g) => [g.key, g]));
    expect(Object.keys(byKey)).toEqual(['org:gemeente', 'org:steunpunt', 'org:welzijn', 'own']);
    expect(byKey['org:steunpunt'].own).toEqual({ hours: 120, amount: 6000 });
    expect(byKey['org:welzijn'].own).toEqual({ hours: 60, amount: 0 });
    expect(byKey['org:welzijn'].parties[0].ownValued).toBe(false);
    expect(byKey.own.parties.map((p) => p.nodeId)).toEqual(['cem']);
    expect(byKey.own.paid).toEqual({ hours: 24, amount: 720 });
    const roles = Object.fromEntries(b.roles.map((r) => [r.role, r]));
    expect(roles.professional.own.hours).toBe(80);
    expect(roles.vrijwilliger.proposed.hours).toBe(12);
  });

  it('has a gap when funding falls short, and says what is left if pending requests come through', () => {
    const short = project();
    short.collections[PLAN_COLLECTION.funding] = [{ id: 'f', data: { source: 'fonds', requested: 2000, status: 'aangevraagd' } }];
    const d = readPlanData(short);
    const s = planBudget(short, d.info, d.costs, d.funding);
    expect(s.gap).toBe(9171 - 7200);
    expect(s.gapIfPendingGranted).toBe(9171 - 7200 - 2000);
  });
});
