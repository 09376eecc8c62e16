import type { MapTemplate } from './mapTemplate';

export const leegTemplate: MapTemplate = {
  id: 'leeg',
  title: { nl: 'Leeg', en: 'Empty' },
  description: { nl: 'Een lege kaart.', en: 'An empty map.' },
  nodes: [],
  edges: [],
  records: {},
};
