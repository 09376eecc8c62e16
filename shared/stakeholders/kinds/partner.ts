import type { NodeRecord } from '../../model/schema';
import { amountField, optionField, textField } from '../nodeData';
import { PARTNER_CATEGORIES, PARTNER_CATEGORY_OPTIONS, type PartnerCategoryId } from '../partnerCategories';
import { PARTNER_ROLES, PARTNER_ROLE_OPTIONS, type PartnerRoleId } from '../partnerRoles';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

/** A samenwerkingspartner: one of the appendix's seven categories, in one of the four roles. */
export interface Partner {
  id: string;
  label: string;
  category: PartnerCategoryId | null;
  role: PartnerRoleId | null;
  contactPerson: string;
  capacityHoursPerMonth: number | null;
}

const CATEGORY_IDS = PARTNER_CATEGORIES.map((c) => c.id);
const ROLE_IDS = PARTNER_ROLES.map((r) => r.id);

export const partnerKind: NodeKindSpec = {
  id: KIND.partner,
  title: { nl: 'Partner', en: 'Partner' },
  pluralTitle: { nl: 'Partners', en: 'Partners' },
  icon: 'building-2',
  color: '#e6f0fa',
  borderColor: '#2b6cb0',
  shape: 'rectangle',
  defaultSize: { width: 200, height: 64 },
  fields: [
    { key: 'category', type: 'select', label: { nl: 'Categorie', en: 'Category' }, options: PARTNER_CATEGORY_OPTIONS },
    { key: 'role', type: 'select', label: { nl: 'Rol', en: 'Role' }, options: PARTNER_ROLE_OPTIONS },
    // The function people know (imam, POH), not necessarily a name: a name would belong in the private fields.
    { key: 'contactPerson', type: 'text', label: { nl: 'Contactpersoon', en: 'Contact person' }, suggestions: ['Wmo-consulent', 'praktijkondersteuner', 'imam', 'bestuurslid', 'coördinator'] },
    commonFields.capacity({ nl: 'Uren per maand die de organisatie voor het project vrijmaakt.', en: 'Hours per month the organisation makes available.' }),
    commonFields.phone(),
    commonFields.email(),
  ],
};

export function readPartner(node: NodeRecord): Partner {
  const d = node.data;
  return {
    id: node.id,
    label: node.label,
    category: optionField(d, 'category', CATEGORY_IDS),
    role: optionField(d, 'role', ROLE_IDS),
    contactPerson: textField(d, 'contactPerson'),
    capacityHoursPerMonth: amountField(d, 'capacityHoursPerMonth'),
  };
}
