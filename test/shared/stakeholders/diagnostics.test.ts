import { describe, expect, it } from 'vitest';
import {
  commitmentNoEndDate, commitmentNoHours, commitmentNoOwner, communityKeyFigures, communityNoPlace, contactInPublicField, diagnose, missingKnowledgeSources,
  offerNoCommitment, offerNoFollowUp, onlyBridgeNoCommitment, organisationNoCommitment, overCapacity, partnerCategoryMissing, partnerNoCategory, partnerNoRole,
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
  it('warns for a community reached by one key figure only: not really reached, like one reached by none', () => {
    const k = node('k', KIND.keyFigure, 'Ilse');
    expect(communityKeyFigures(map([c, k], [edge(RELATION.reaches, 'k', 'c')])).map((p) => [p.code, p.severity])).toEqual([['community.singleKeyFigure', 'warning']]);
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
  it('counts a partner the community "komt samen in" (a clubhouse, a mosque entered as a partner) as a known place', () => {
    const mosque = node('p', KIND.partner, 'Moskee Al Houda');
    expect(communityNoPlace(map([c, mosque], [edge(RELATION.meetsAt, 'c', 'p')]))).toEqual([]);
    // A relation the map does not offer between these kinds does not count.
    expect(communityNoPlace(map([c, mosque], [edge(RELATION.trusts, 'c', 'p')])).map((p) => p.code)).toEqual(['community.noPlace']);
  });
});

describe('knowledge sources at the table', () => {
  const member = (id: string, sources: string[]) => node(id, KIND.teamMember, id, { knowledgeSources: sources });
  it('warns when no team member brings ervaringskennis, and names each other missing source as a melding', () => {
    const problems = missingKnowledgeSources(map([member('a', ['praktijk']), member('b', ['praktijk'])]));
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['team.noErvaringskennis', 'warning'],
      ['team.noWetenschappelijkeKennis', 'info'],
    ]);
  });
  it('reports a missing practice knowledge too, with a quick fix that adds someone who brings it', () => {
    const [p] = missingKnowledgeSources(map([member('a', ['ervaring', 'wetenschappelijk'])]));
    expect(p.code).toBe('team.noPraktijkkennis');
    expect(p.message.nl).toContain('praktijkkennis');
    expect(p.quickFixes?.[0].args).toMatchObject({ kind: KIND.teamMember, data: { knowledgeSources: ['praktijk'] } });
  });
  it('is quiet when all three are at the table, and on a map without a team yet', () => {
    expect(missingKnowledgeSources(map([member('a', ['praktijk', 'ervaring']), member('b', ['wetenschappelijk'])]))).toEqual([]);
    expect(missingKnowledgeSources(map([]))).toEqual([]);
  });
});

describe('agreements that carry the work', () => {
  const offer = node('o', KIND.offer, 'Alzheimer Theehuis');
  it('warns for an offer nobody has committed hours to, and is quiet once someone has', () => {
    const [p] = offerNoCommitment(map([offer]));
    expect(p).toMatchObject({ code: 'offer.noCommitment', severity: 'warning', nodeIds: ['o'] });
    expect(p.quickFixes?.[0]).toMatchObject({ command: STAKEHOLDER_COMMANDS.addCommitment, args: { servesOffer: 'o' } });
    expect(offerNoCommitment(map([offer], [], [commitment('a', { who: 'x', servesOffer: 'o', ...year })]))).toHaveLength(1);
    expect(offerNoCommitment(map([offer], [], [commitment('a', { who: 'x', servesOffer: 'o', hours: 4, ...year })]))).toEqual([]);
  });
  it('warns for a key figure who is a community’s only bridge and has no agreement at all', () => {
    const c1 = node('c1', KIND.community, 'Surinaamse gemeenschap');
    const c2 = node('c2', KIND.community, 'Hindoestaanse gemeenschap');
    const ilse = node('i', KIND.keyFigure, 'Ilse');
    const m = map([c1, c2, ilse], [edge(RELATION.reaches, 'i', 'c1'), edge(RELATION.reaches, 'i', 'c2')]);
    const [p] = onlyBridgeNoCommitment(m);
    expect(p).toMatchObject({ code: 'keyfigure.onlyBridgeNoCommitment', severity: 'warning', nodeIds: ['i', 'c1', 'c2'] });
    expect(p.message.nl).toContain('Ilse is de enige brug naar de Surinaamse gemeenschap en Hindoestaanse gemeenschap');
    expect(onlyBridgeNoCommitment(map([c1, c2, ilse], m.edges, [commitment('a', { who: 'i', ...year })]))).toEqual([]);
    // With a second key figure she is no longer the only bridge.
    const second = node('s', KIND.keyFigure, 'Sandra');
    expect(onlyBridgeNoCommitment(map([c1, ilse, second], [edge(RELATION.reaches, 'i', 'c1'), edge(RELATION.reaches, 's', 'c1')]))).toEqual([]);
  });
});

describe('contact details in public fields', () => {
  it('finds a phone number in a partner’s contact person and offers to move it to the protected field', () => {
    const p = node('p', KIND.partner, 'Huisartsenpraktijk Oost', { contactPerson: 'POH mw. Jansen, 06-98765432' });
    const [problem] = contactInPublicField(map([p]));
    expect(problem.code).toBe('privacy.contactInPublicField');
    expect(problem.message.nl).toContain('In contactpersoon van Huisartsenpraktijk Oost staat een telefoonnummer');
    expect(problem.message.nl).toContain('bekijklink');
    expect(problem.message.nl).not.toContain('06-98765432');
    expect(problem.quickFixes?.[0]).toMatchObject({ command: STAKEHOLDER_COMMANDS.moveContactToPrivate, args: { nodeId: 'p', field: 'contactPerson', value: '06-98765432', target: 'phone' } });
  });
  it('finds an e-mail address in a label; a kind without a private field is offered removal', () => {
    const [problem] = contactInPublicField(map([node('c', KIND.community, 'Turkse gemeenschap (info@anatolia.nl)')]));
    expect(problem.quickFixes?.[0].args).toMatchObject({ field: 'label', value: 'info@anatolia.nl', target: null });
  });
  it('leaves years, periods, postcodes and amounts alone', () => {
    const offer = node('o', KIND.offer, 'Inloop 2027-01 t/m 2027-12', { offerType: 'inloopspreekuur, 2 x per maand' });
    const partner = node('p', KIND.partner, 'Welzijn Oost', { contactPerson: 'Kosten € 1.250,00; postcode 5211 AB; 16 uur per maand; kvk 12345678' });
    expect(contactInPublicField(map([offer, partner]))).toEqual([]);
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
