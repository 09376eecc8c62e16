import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { PARTNER_CATEGORIES, PARTNER_CATEGORY_OPTIONS } from '../partnerCategories';
import { PARTNER_ROLES, PARTNER_ROLE_OPTIONS } from '../partnerRoles';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

const CATEGORY_IDS = PARTNER_CATEGORIES.map((c) => c.id);
const ROLE_IDS = PARTNER_ROLES.map((r) => r.id);

const FIELDS = [
  field.select('category', { nl: 'Categorie', en: 'Category' }, CATEGORY_IDS, PARTNER_CATEGORY_OPTIONS),
  field.select('role', { nl: 'Rol', en: 'Role' }, ROLE_IDS, PARTNER_ROLE_OPTIONS),
  // The function people know (imam, POH), not necessarily a name: a name would belong in the private fields.
  field.text('contactPerson', { nl: 'Contactpersoon', en: 'Contact person' }, { suggestions: ['Wmo-consulent', 'praktijkondersteuner', 'imam', 'bestuurslid', 'coördinator'] }),
  commonFields.capacity({ nl: 'Uren per maand die de organisatie voor het project vrijmaakt.', en: 'Hours per month the organisation makes available.' }),
  commonFields.phone(),
  commonFields.email(),
  commonFields.note(),
] as const;

/** A samenwerkingspartner: one of the appendix's seven categories, in one of the four roles. */
export type Partner = KindRecord<typeof FIELDS>;

export function readPartner(node: NodeRecord): Partner {
  return readKind(node, FIELDS);
}

export const partnerKind: NodeKindSpec = {
  id: KIND.partner,
  title: { nl: 'Partner', en: 'Partner' },
  pluralTitle: { nl: 'Partners', en: 'Partners' },
  icon: 'building-2',
  color: '#e6f0fa',
  borderColor: '#2b6cb0',
  shape: 'rectangle',
  defaultSize: { width: 200, height: 64 },
  fields: schemasOf(FIELDS),
};
