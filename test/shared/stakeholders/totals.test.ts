import { describe, expect, it } from 'vitest';
import { capacityUse } from '../../../shared/stakeholders/capacity';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { commitmentTotals } from '../../../shared/stakeholders/totals';
import { VK, voorbeeldkaartSnapshot } from '../../fixtures/voorbeeldkaart';
import { commitment, map, node } from './helpers';

const year = { from: '2027-01', to: '2027-12' } as const;

describe('commitment totals', () => {
  it('turns hours per week into hours per month as 52/12 weeks', () => {
    const t = commitmentTotals(map([node('j', KIND.teamMember, 'Joost')], [], [commitment('a', { who: 'j', hours: 3, unit: 'perWeek', ...year })]));
    expect(t.lines[0].hoursPerMonth).toBe(13);
    expect(t.totalHours).toBe(156);
  });

  it('spreads a total over the months of its period', () => {
    const t = commitmentTotals(map([node('p', KIND.partner, 'Alzheimer')], [], [commitment('a', { who: 'p', hours: 8, unit: 'total', from: '2027-03', to: '2027-06' })]));
    expect(t.byParty[0].hoursByMonth).toEqual({ '2027-03': 2, '2027-04': 2, '2027-05': 2, '2027-06': 2 });
    expect(t.totalHours).toBe(8);
  });

  it('runs an open-ended commitment to the end of the project period', () => {
    const t = commitmentTotals(map([], [], [commitment('a', { who: 'x', hours: 1, ...year }), commitment('b', { who: 'x', hours: 2, from: '2027-11' })]));
    expect(t.lines.find((l) => l.commitmentId === 'b')?.months).toEqual(['2027-11', '2027-12']);
  });

  it('uses a paid key figure’s own rate when the commitment names none, and nothing for a volunteer', () => {
    const paid = node('k', KIND.keyFigure, 'K', { engagement: 'betaald', hourlyRate: 30 });
    const volunteer = node('v', KIND.keyFigure, 'V', { engagement: 'vrijwilliger', hourlyRate: 30 });
    const t = commitmentTotals(map([paid, volunteer], [], [commitment('a', { who: 'k', hours: 2, ...year }), commitment('b', { who: 'v', hours: 2, ...year })]));
    expect(t.lines.map((l) => l.budgetPerMonth)).toEqual([60, 0]);
    expect(t.totalBudget).toBe(720);
  });

  it('counts commitments without hours as uncounted instead of zero work', () => {
    const t = commitmentTotals(map([], [], [commitment('a', { who: 'x', ...year })]));
    expect(t.uncounted).toEqual(['a']);
    expect(t.totalHours).toBe(0);
  });

  it('adds up the Voorbeeldkaart per party, per role, per month and overall', () => {
    const t = commitmentTotals(voorbeeldkaartSnapshot());
    expect(t.period).toEqual(year);
    expect(t.months).toHaveLength(12);
    const party = (id: string) => t.byParty.find((p) => p.partyId === id);
    expect(party(VK.karim)).toMatchObject({ totalHours: 132, totalBudget: 4290 });
    expect(party(VK.hatice)?.hoursByMonth).toMatchObject({ '2027-02': 8, '2027-03': 14, '2027-06': 14, '2027-07': 8 });
    expect(party(VK.joost)?.totalHours).toBeCloseTo(208);
    expect(party(VK.alzheimer)?.totalHours).toBe(8);
    const role = (r: string) => t.byRole.find((x) => x.role === r);
    expect(role('ervaringsdeskundige')?.totalHours).toBe(132 + 24);
    expect(role('trekker')?.totalHours).toBe(192);
    const march = t.byMonth.find((m) => m.month === '2027-03');
    // Samira 16, Joost 17,33, Hatice 8 + 6, Karim 12, Fatma 2, Inge 6, Alzheimer 2.
    expect(march?.hours).toBeCloseTo(16 + 52 / 3 + 14 + 12 + 2 + 6 + 2);
    expect(march?.budget).toBe(390);
    expect(t.byMonth.find((m) => m.month === '2027-01')?.budget).toBe(0);
    expect(t.totalBudget).toBe(4290);
    expect(t.totalHours).toBeCloseTo(192 + 208 + 96 + 24 + 132 + 24 + 72 + 8);
  });
});

describe('capacity use', () => {
  it('sets Hatice Demir’s 14 hours a month in March to June against her capacity of 8', () => {
    const hatice = capacityUse(voorbeeldkaartSnapshot()).find((u) => u.partyId === VK.hatice);
    expect(hatice).toMatchObject({ capacity: 8, peak: 14, overMonths: ['2027-03', '2027-04', '2027-05', '2027-06'] });
  });
  it('keeps Karim Amrani within his 16 hours and lists Ilse Kromodimedjo with her capacity but no hours', () => {
    const use = capacityUse(voorbeeldkaartSnapshot());
    expect(use.find((u) => u.partyId === VK.karim)).toMatchObject({ capacity: 16, peak: 12, overMonths: [] });
    expect(use.find((u) => u.partyId === VK.ilse)).toMatchObject({ capacity: 6, months: [], peak: 0 });
  });
});
