import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putRecord, snapshotMap } from '../../../shared/model/mapDoc';
import { COMMITMENTS, commitmentData, readCommitment, readCommitments } from '../../../shared/stakeholders/commitments';

describe('the commitments gate', () => {
  it('round-trips a commitment through the document', () => {
    const doc = new Y.Doc();
    const c = {
      who: 'k', role: 'ervaringsdeskundige', task: 'lotgenotengroep', hours: 12, unit: 'perMonth', from: '2027-02', to: null,
      status: 'afgesproken', hourlyRate: 32.5, nextReview: '2027-04-01', servesOffer: 'o', servesStep: '06', forOrganisation: true, note: '',
    } as const;
    const id = putRecord(doc, COMMITMENTS, commitmentData(c));
    expect(readCommitments(snapshotMap(doc))).toEqual([{ id, ...c }]);
  });

  it('fills defaults for anything malformed instead of trusting the document', () => {
    const c = readCommitment({ id: 'x', data: { who: 7, role: 'baas', hours: -2, unit: 'per eeuw', from: '2027-13', to: '2027-06-30', status: 'misschien', hourlyRate: 'gratis', nextReview: 'morgen', servesStep: '10', forOrganisation: 'ja' } });
    expect(c).toEqual({
      id: 'x', who: null, role: null, task: '', hours: null, unit: 'perMonth', from: null, to: '2027-06', status: 'voorgesteld',
      hourlyRate: null, nextReview: null, servesOffer: null, servesStep: null, forOrganisation: false, note: '',
    });
  });

  it('accepts hours and rates typed with a Dutch decimal comma', () => {
    expect(readCommitment({ id: 'x', data: { hours: '2,5', hourlyRate: '€ 32,50' } })).toMatchObject({ hours: 2.5, hourlyRate: 32.5 });
  });

  it('reads a map without any commitments as none', () => {
    expect(readCommitments(snapshotMap(new Y.Doc()))).toEqual([]);
  });
});
