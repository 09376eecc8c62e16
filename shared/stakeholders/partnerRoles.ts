import type { FieldOption, LocalizedText } from '../model/fields';

/** The four functions a partner can have for the team (Stappenplan, step 07). */
export type PartnerRoleId = 'verwijzer' | 'doorverwijsorganisatie' | 'samenwerkingspartner' | 'kennispartner';

export interface PartnerRole {
  id: PartnerRoleId;
  label: LocalizedText;
  description: LocalizedText;
}

export const PARTNER_ROLES: readonly PartnerRole[] = [
  {
    id: 'verwijzer',
    label: { nl: 'Verwijzer', en: 'Referrer' },
    description: { nl: 'Zorgt dat mantelzorgers bij jullie terechtkomen (huisarts, migrantenorganisatie).', en: 'Sends caregivers to you (GP, migrant organisation).' },
  },
  {
    id: 'doorverwijsorganisatie',
    label: { nl: 'Doorverwijsorganisatie', en: 'Referral organisation' },
    description: { nl: 'Hierheen verwijzen jullie door voor zwaardere of heel specifieke hulp.', en: 'You refer caregivers here for heavier or specific help.' },
  },
  {
    id: 'samenwerkingspartner',
    label: { nl: 'Samenwerkingspartner', en: 'Collaboration partner' },
    description: { nl: 'Bedient dezelfde doelgroep: samen bijeenkomsten, materialen, ruimtes.', en: 'Serves the same group: joint meetings, materials, rooms.' },
  },
  {
    id: 'kennispartner',
    label: { nl: 'Kennispartner', en: 'Knowledge partner' },
    description: { nl: 'Wisselt kennis uit, bijvoorbeeld in een netwerkoverleg of geriatrisch overleg.', en: 'Exchanges knowledge, e.g. in a network or geriatric consultation.' },
  },
];

export function partnerRole(id: string): PartnerRole | undefined {
  return PARTNER_ROLES.find((r) => r.id === id);
}

export const PARTNER_ROLE_OPTIONS: FieldOption[] = PARTNER_ROLES.map((r) => ({ value: r.id, label: r.label }));
