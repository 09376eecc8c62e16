import { describe, expect, it } from 'vitest';
import {
  commitmentNoEndDate, commitmentNoHours, commitmentNoOwner, communityKeyFigures, communityNoPlace, diagnose, noExperienceKnowledge,
  offerNoFollowUp, organisationNoCommitment, overCapacity, partnerCategoryMissing, partnerNoCategory, partnerNoRole,
} from '../../../shared/stakeholders/diagnostics/index';
import { STAKEHOLDER_COMMANDS } from '../../../shared/stakeholders/commands';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { PARTNER_CATEGORIES } from '../../../shared/stakeholders/partnerCategories';
import { RELATION } from '../../../shared/stakeholders/relations';
import { commitment, edge, map, node } from './helpers';

const year = { from: '2027-01', to: '2027-12' } as const;

describe('over capacity', () => {
  const hatice = node('h', KIND.keyFigure, 'Hatice', { capacityHoursPerMonth: 8 });
  it('warns when a key figure’s commitments in some months exceed the capacity, naming those months', () => {
    const m = map([hatice], [], [
      commitment('a', { who: 'h', hours: 8, unit: 'perMonth', ...year }),
      commitment('b', { who: 'h', hours: 2, unit: 'perMonth', from: '2027-05', to: '2027-05' }),
      commitment('c', { who: 'h', hours: 4, unit: 'perMonth', from: '2027-09', to: '2027-10' }),
    ]);
    const [p] = overCapacity(m);
    expect(p.code).toBe('keyfigure.overCapacity');
    expect(p.message.nl).toContain('in mei 2027 en september t/m oktober 2027');
    expect(p.message.nl).toContain('tot 12 uur per maand');
    expect(p.recordIds?.sort()).toEqual(['a', 'b', 'c']);
    expect(p.quickFixes?.[0].command).toBe(STAKEHOLDER_COMMANDS.openCommitments);
  });
  it('stays quiet at exactly the capacity, also when hours per week are converted', () => {
    const m = map([node('h', KIND.keyFigure, 'H', { capacityHoursPerMonth: 52 / 12 })], [], [commitment('a', { who: 'h', hours: 1, unit: 'perWeek', ...year })]);
    expect(overCapacity(m)).toEqual([]);
  });
  it('stays quiet for someone whose capacity is unknown', () => {
    expect(overCapacity(map([node('h', KIND.keyFigure, 'H')], [], [commitment('a', { who: 'h', hours: 80, ...year })]))).toEqual([]);
  });
  it('warns for a volunteer team member with a capacity too, under its own code', () => {
    const m = map([node('f', KIND.teamMember, 'Fatma', { capacityHoursPerMonth: 2 })], [], [commitment('a', { who: 'f', hours: 3, ...year })]);
    expect(overCapacity(m).map((p) => p.code)).toEqual(['party.overCapacity']);
  });
});

describe('communities and their key figures and places', () => {
  const c = node('c', KIND.community, 'Afghaanse gemeenschap');
  it('warns for a community nobody reaches, with a quick fix that adds a key figure', () => {
    const [p] = communityKeyFigures(map([c]));
    expect(p).toMatchObject({ code: 'community.noKeyFigure', severity: 'warning', nodeIds: ['c'] });
    expect(p.quickFixes?.[0].args).toMatchObject({ kind: KIND.keyFigure, connectTo: { nodeId: 'c', relation: RELATION.reaches } });
  });
  it('notes a community reached by one key figure only', () => {
    const k = node('k', KIND.keyFigure, 'Ilse');
    expect(communityKeyFigures(map([c, k], [edge(RELATION.reaches, 'k', 'c')])).map((p) => p.code)).toEqual(['community.singleKeyFigure']);
  });
  it('is quiet with two key figures, one drawn as a relation and one picked in the key figure’s field', () => {
    const k1 = node('k1', KIND.keyFigure, 'A');
    const k2 = node('k2', KIND.keyFigure, 'B', { reaches: ['c'] });
    expect(communityKeyFigures(map([c, k1, k2], [edge(RELATION.reaches, 'c', 'k1')]))).toEqual([]);
  });
  it('does not count a partner that reaches the community as a key figure', () => {
    const partner = node('p', KIND.partner, 'Stichting');
    expect(communityKeyFigures(map([c, partner], [edge(RELATION.reaches, 'p', 'c')])).map((p) => p.code)).toEqual(['community.noKeyFigure']);
  });
  it('warns for a community without a known place, and is quiet once it meets somewhere', () => {
    expect(communityNoPlace(map([c])).map((p) => p.code)).toEqual(['community.noPlace']);
    const place = node('m', KIND.place, 'Moskee');
    expect(communityNoPlace(map([c, place], [edge(RELATION.meetsAt, 'c', 'm')]))).toEqual([]);
    expect(communityNoPlace(map([{ ...c, data: { places: ['m'] } }, place]))).toEqual([]);
  });
});

describe('knowledge sources at the table', () => {
  it('warns when no team member brings ervaringskennis', () => {
    const m = map([node('a', KIND.teamMember, 'A', { knowledgeSources: ['praktijk'] }), node('b', KIND.teamMember, 'B', { knowledgeSources: ['wetenschappelijk'] })]);
    expect(noExperienceKnowledge(m).map((p) => p.code)).toEqual(['team.noErvaringskennis']);
  });
  it('is quiet when someone brings it, even next to practice knowledge', () => {
    expect(noExperienceKnowledge(map([node('a', KIND.teamMember, 'A', { knowledgeSources: ['praktijk', 'ervaring'] })]))).toEqual([]);
  });
  it('is quiet on a map without a team yet', () => {
    expect(noExperienceKnowledge(map([]))).toEqual([]);
  });
});

describe('commitments', () => {
  const k = node('k', KIND.keyFigure, 'Karim');
  it('warns for a commitment without hours', () => {
    const [p] = commitmentNoHours(map([k], [], [commitment('a', { who: 'k', task: 'groep', ...year })]));
    expect(p).toMatchObject({ code: 'commitment.noHours', nodeIds: ['k'], recordIds: ['a'] });
    expect(p.message.nl).toContain('De afspraak van Karim (groep) heeft geen uren');
  });
  it('is quiet when hours are filled in', () => {
    expect(commitmentNoHours(map([k], [], [commitment('a', { who: 'k', hours: 2, ...year })]))).toEqual([]);
  });
  it('flags a commitment without owner and one whose owner left the map', () => {
    const problems = commitmentNoOwner(map([k], [], [commitment('a', { hours: 2 }), commitment('b', { who: 'gone', hours: 2 }), commitment('c', { who: 'k', hours: 2 })]));
    expect(problems.map((p) => p.recordIds?.[0])).toEqual(['a', 'b']);
    expect(problems[1].message.nl).toContain('niet meer op de kaart');
  });
  it('warns for an open end, but not for a finished commitment or one with an end', () => {
    const problems = commitmentNoEndDate(map([k], [], [
      commitment('a', { who: 'k', hours: 2, from: '2027-01' }),
      commitment('b', { who: 'k', hours: 2, from: '2027-01', status: 'afgerond' }),
      commitment('c', { who: 'k', hours: 2, ...year }),
    ]));
    expect(problems.map((p) => p.recordIds)).toEqual([['a']]);
  });
});

describe('borgen: an offer that ends with no follow-up', () => {
  const offer = node('o', KIND.offer, 'Theehuis', { end: '2027-06' });
  const rest = commitment('r', { who: 'x', hours: 1, ...year });
  it('warns when an offer’s commitments stop before the project does', () => {
    const [p] = offerNoFollowUp(map([offer], [], [commitment('a', { who: 'x', hours: 2, from: '2027-03', to: '2027-06', servesOffer: 'o' }), rest]));
    expect(p).toMatchObject({ code: 'offer.noFollowUp', nodeIds: ['o'], recordIds: ['a'] });
    expect(p.message.nl).toContain('stopt na juni 2027');
  });
  it('uses the last commitment’s end when the offer itself has none', () => {
    const open = node('o', KIND.offer, 'Groep');
    expect(offerNoFollowUp(map([open], [], [commitment('a', { who: 'x', hours: 2, from: '2027-01', to: '2027-04', servesOffer: 'o' }), rest]))).toHaveLength(1);
  });
  it('is quiet with a follow-up offer', () => {
    const next = node('n', KIND.offer, 'Vervolg');
    const m = map([{ ...offer, data: { ...offer.data, followUp: 'n' } }, next], [], [commitment('a', { who: 'x', hours: 2, from: '2027-03', to: '2027-06', servesOffer: 'o' }), rest]);
    expect(offerNoFollowUp(m)).toEqual([]);
  });
  it('is quiet when the offer runs to the end of the project, when a commitment is open, or when nobody commits to it', () => {
    expect(offerNoFollowUp(map([{ ...offer, data: { end: '2027-12' } }], [], [commitment('a', { who: 'x', hours: 2, ...year, servesOffer: 'o' })]))).toEqual([]);
    expect(offerNoFollowUp(map([node('o', KIND.offer, 'Groep')], [], [commitment('a', { who: 'x', hours: 2, from: '2027-01', servesOffer: 'o' }), rest]))).toEqual([]);
    expect(offerNoFollowUp(map([offer], [], [rest]))).toEqual([]);
  });
});

describe('partners', () => {
  it('warns for a partner without a role, offering the four roles as quick fixes', () => {
    const [p] = partnerNoRole(map([node('b', KIND.partner, 'Bibliotheek', { category: 'welzijn' })]));
    expect(p.code).toBe('partner.noRole');
    expect(p.quickFixes?.map((q) => (q.args as { value: string }).value)).toEqual(['verwijzer', 'doorverwijsorganisatie', 'samenwerkingspartner', 'kennispartner']);
    expect(partnerNoRole(map([node('b', KIND.partner, 'B', { role: 'verwijzer' })]))).toEqual([]);
  });
  it('notes a partner without a (valid) category', () => {
    expect(partnerNoCategory(map([node('b', KIND.partner, 'B', { category: 'Religieus' })])).map((p) => p.code)).toEqual(['partner.noCategory']);
    expect(partnerNoCategory(map([node('b', KIND.partner, 'B', { category: 'scholen' })]))).toEqual([]);
  });
  it('lists each missing category with the appendix’s examples to add', () => {
    const problems = partnerCategoryMissing(map([node('b', KIND.partner, 'B', { category: 'welzijn' })]));
    expect(problems).toHaveLength(6);
    const scholen = problems.find((p) => p.message.nl.includes('Scholen'));
    expect(scholen?.quickFixes?.[0].args).toMatchObject({ kind: KIND.partner, label: 'Basisschool', data: { category: 'scholen' } });
  });
  it('is quiet when every category is present, and on a map without partners', () => {
    const all = PARTNER_CATEGORIES.map((c) => node(c.id, KIND.partner, c.id, { category: c.id }));
    expect(partnerCategoryMissing(map(all))).toEqual([]);
    expect(partnerCategoryMissing(map([]))).toEqual([]);
  });
});

describe('participating organisations', () => {
  const joost = node('j', KIND.teamMember, 'Joost', { organisation: 'Welzijn Oost', organisationType: 'sociaalWerk' });
  it('warns when the organisation has only its member’s personal hours', () => {
    const [p] = organisationNoCommitment(map([joost], [], [commitment('a', { who: 'j', hours: 4, ...year })]));
    expect(p.code).toBe('organisation.noCommitment');
    expect(p.message.nl).toContain('Welzijn Oost doet mee (Joost)');
    expect(p.message.nl).toContain('persoonlijk');
  });
  it('is quiet when the member commits on behalf of the organisation', () => {
    expect(organisationNoCommitment(map([joost], [], [commitment('a', { who: 'j', hours: 4, ...year, forOrganisation: true })]))).toEqual([]);
  });
  it('is quiet when the organisation’s own node holds a commitment, matched to its members by name', () => {
    const org = node('o', KIND.organisation, 'welzijn oost');
    expect(organisationNoCommitment(map([joost, org], [], [commitment('a', { who: 'o', hours: 10, ...year })]))).toEqual([]);
  });
  it('does not ask a caregiver at the table on her own behalf for an organisation’s commitment', () => {
    expect(organisationNoCommitment(map([node('f', KIND.teamMember, 'Fatma', { organisation: 'thuis', organisationType: 'mantelzorger' })]))).toEqual([]);
  });
});

describe('all rules together', () => {
  it('say nothing about an empty map', () => {
    expect(diagnose(map([]))).toEqual([]);
  });
  it('survive malformed data written by another client', () => {
    const broken = map(
      [node('k', KIND.keyFigure, '', { capacityHoursPerMonth: 'veel', reaches: 7 }), node('o', KIND.offer, '', { end: 'juni', followUp: 3 })],
      [edge(RELATION.reaches, 'k', 'nowhere')],
      [{ id: 'x', data: { who: 42, hours: -3, unit: 'per eeuw', from: '27-1' } }],
    );
    const codes = diagnose(broken).map((p) => p.code);
    expect(codes).toContain('commitment.noOwner');
    expect(codes).toContain('commitment.noHours');
  });
});
