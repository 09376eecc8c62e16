import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../shared/stakeholders/diagnostics/index';
import { commitmentTotals } from '../../../shared/stakeholders/totals';
import { deleteNodes, deleteRecords, snapshotMap } from '../../../shared/model/mapDoc';
import { COMMITMENTS } from '../../../shared/stakeholders/commitments';
import { VK, voorbeeldkaartDoc, voorbeeldkaartSnapshot } from '../../fixtures/voorbeeldkaart';

describe('what a good tool says about the Voorbeeldkaart', () => {
  const snapshot = voorbeeldkaartSnapshot();
  const problems = diagnose(snapshot);
  const summary = problems.map((p) => `${p.code} ${p.nodeIds.join(',')}`.trim());

  it('says exactly the things the example lists, and nothing beyond them', () => {
    expect(summary.sort()).toEqual(
      [
        `keyfigure.overCapacity ${VK.hatice}`,
        `community.noKeyFigure ${VK.afghaans}`,
        `community.noPlace ${VK.afghaans}`,
        `community.singleKeyFigure ${VK.surinaams},${VK.ilse}`,
        `community.singleKeyFigure ${VK.turks},${VK.hatice}`,
        `community.singleKeyFigure ${VK.marokkaans},${VK.karim}`,
        `commitment.noEndDate ${VK.karim}`,
        `offer.noFollowUp ${VK.theehuis}`,
        `partner.noRole ${VK.bibliotheek}`,
        'partners.categoryMissing',
        // Beyond the example's list, the review asked for these two risks: Ilse is the Surinaamse gemeenschap's
        // only bridge with nothing agreed, and nobody has committed hours to the information meeting.
        `keyfigure.onlyBridgeNoCommitment ${VK.ilse},${VK.surinaams}`,
        `offer.noCommitment ${VK.infopgb}`,
        `organisation.noCommitment ${VK.lotte}`,
        `organisation.noCommitment ${VK.joost}`,
      ].sort(),
    );
  });

  it('tells that Hatice Demir is committed 14 hours a month from March to June against a capacity of 8', () => {
    const p = problems.find((x) => x.code === 'keyfigure.overCapacity');
    expect(p?.message.nl).toContain('Hatice Demir');
    expect(p?.message.nl).toContain('maart t/m juni 2027');
    expect(p?.message.nl).toContain('14 uur per maand');
    expect(p?.message.nl).toContain('capaciteit van 8 uur per maand');
    expect(p?.recordIds?.sort()).toEqual([VK.cHaticeInloop, VK.cHaticeTheehuis].sort());
  });

  it('names the Afghaanse gemeenschap as unreached and the others as hanging on one key figure', () => {
    const messages = problems.filter((p) => p.code.startsWith('community.')).map((p) => p.message.nl);
    expect(messages.some((m) => m.includes('Afghaanse gemeenschap') && m.includes('sleutelfiguur'))).toBe(true);
    expect(messages.some((m) => m.includes('Afghaanse gemeenschap') && m.includes('plek'))).toBe(true);
    expect(messages.some((m) => m.includes('Surinaamse gemeenschap') && m.includes('Ilse Kromodimedjo'))).toBe(true);
  });

  it('names Karim’s open-ended commitment, the Theehuis without follow-up, the library without role and the missing schools', () => {
    const byCode = (code: string) => problems.filter((p) => p.code === code).map((p) => p.message.nl).join(' | ');
    expect(byCode('commitment.noEndDate')).toContain('Karim Amrani');
    expect(byCode('offer.noFollowUp')).toMatch(/Alzheimer Theehuis stopt na juni 2027.*borgen/);
    expect(byCode('partner.noRole')).toContain('Bibliotheek Maasdonk');
    expect(byCode('partners.categoryMissing')).toContain('Scholen');
  });

  it('names Hogeschool Maasdonk and Welzijn Oost as taking part without a commitment of their own', () => {
    const names = problems.filter((p) => p.code === 'organisation.noCommitment').map((p) => p.message.nl);
    expect(names.some((m) => m.startsWith('Hogeschool Maasdonk doet mee'))).toBe(true);
    expect(names.some((m) => m.startsWith('Welzijn Oost doet mee'))).toBe(true);
  });

  it('keeps the ervaringskennis warning quiet while Fatma Yildiz is at the table, and raises it without her', () => {
    expect(problems.some((p) => p.code === 'team.noErvaringskennis')).toBe(false);
    const doc = voorbeeldkaartDoc();
    deleteNodes(doc, [VK.fatma]);
    deleteRecords(doc, COMMITMENTS, [VK.cFatma]);
    const after = diagnose(snapshotMap(doc));
    expect(after.filter((p) => p.code === 'team.noErvaringskennis')).toHaveLength(1);
  });

  it('budgets Karim Amrani at 12 h × € 32,50 = € 390 per month', () => {
    const totals = commitmentTotals(snapshot);
    const karim = totals.byParty.find((p) => p.partyId === VK.karim);
    expect(karim?.budgetByMonth['2027-02']).toBe(390);
    expect(karim?.hoursByMonth['2027-12']).toBe(12);
    const line = totals.lines.find((l) => l.commitmentId === VK.cKarim);
    expect(line).toMatchObject({ hoursPerMonth: 12, rate: 32.5, budgetPerMonth: 390 });
  });

  it('puts warnings before hints', () => {
    const order = problems.map((p) => p.severity);
    expect(order.indexOf('info')).toBeGreaterThan(order.lastIndexOf('warning'));
  });
});
