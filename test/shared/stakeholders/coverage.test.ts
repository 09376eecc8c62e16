import { describe, expect, it } from 'vitest';
import { coverage } from '../../../shared/stakeholders/coverage';
import { VK, voorbeeldkaartSnapshot } from '../../fixtures/voorbeeldkaart';

describe('coverage of the Voorbeeldkaart', () => {
  const c = coverage(voorbeeldkaartSnapshot());

  it('has seven categories by four roles, with the appendix’s examples in empty cells', () => {
    expect(c.matrix).toHaveLength(28);
    const cell = (cat: string, role: string) => c.matrix.find((x) => x.category.id === cat && x.role.id === role);
    expect(cell('zorgaanbiedersAlgemeen', 'verwijzer')?.nodeIds).toEqual([VK.huisarts]);
    expect(cell('zorgaanbiedersAlgemeen', 'verwijzer')?.suggestions).toEqual([]);
    expect(cell('scholen', 'kennispartner')?.suggestions).toContain('Basisschool');
  });

  it('shows Scholen as the one missing category, and the library as not yet placed', () => {
    expect(c.categories.filter((x) => x.missing).map((x) => x.category.id)).toEqual(['scholen']);
    expect(c.categories.find((x) => x.category.id === 'welzijn')?.nodeIds.sort()).toEqual([VK.alzheimer, VK.bibliotheek].sort());
    expect(c.unplacedPartnerIds).toEqual([VK.bibliotheek]);
    expect(c.roles.find((r) => r.role.id === 'doorverwijsorganisatie')?.nodeIds.sort()).toEqual([VK.wmo, VK.zorgzaam].sort());
  });

  it('has all three knowledge sources at the table', () => {
    expect(c.knowledgeSources.map((k) => [k.source.id, k.teamMemberIds])).toEqual([
      ['wetenschappelijk', [VK.lotte]],
      ['praktijk', [VK.inge, VK.joost, VK.samira]],
      ['ervaring', [VK.fatma]],
    ]);
  });

  it('lists per community its key figures, places and offers per phase', () => {
    const turks = c.communities.find((x) => x.communityId === VK.turks);
    expect(turks?.keyFigureIds).toEqual([VK.hatice]);
    expect(turks?.placeIds.sort()).toEqual([VK.kruisakker, VK.ulucamii].sort());
    expect(turks?.offersByPhase).toEqual({ bereiken: [VK.inloop], binden: [VK.theehuis], borgen: [] });
    const afghaans = c.communities.find((x) => x.communityId === VK.afghaans);
    expect(afghaans).toMatchObject({ keyFigureIds: [], placeIds: [], offersByPhase: { bereiken: [], binden: [], borgen: [] } });
  });
});
