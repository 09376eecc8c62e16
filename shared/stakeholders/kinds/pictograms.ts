import type { IconContribution } from '../../plugin/manifest';

/**
 * The stakeholder workspace's pictograms (its kinds, and the project plan beside the export's page icon), after Lucide (ISC licence), under their Lucide names; contributed to the host
 * through the extension's manifest. SVG path data in a 24×24 box.
 */
export const STAKEHOLDER_PICTOGRAMS: IconContribution[] = [
  { id: 'user-round-check', path: 'M2 21a8 8 0 0 1 13.3-6M10 13a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM16 19l2 2 4-4' },
  {
    id: 'building-2',
    path: 'M6 22V4a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v18zM6 12H4a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2M18 9h2a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-2M10 6h4M10 10h4M10 14h4M10 18h4',
  },
  { id: 'landmark', path: 'M3 22h18M6 18v-7M10 18v-7M14 18v-7M18 18v-7M12 2l8 5H4z' },
  {
    id: 'hand-heart',
    path: 'M11 14h2a2 2 0 1 0 0-4h-3c-.6 0-1.1.2-1.4.6L3 16M7 20l1.6-1.4c.3-.4.8-.6 1.4-.6h4c1.1 0 2.1-.4 2.8-1.2l4.6-4.4a2 2 0 0 0-2.8-2.8L15 13.4M2 15l6 6M19.5 8.5c.7-.7 1.5-1.6 1.5-2.7A2.7 2.7 0 0 0 16 4a2.8 2.8 0 0 0-5 1.8c0 1.2.8 2 1.5 2.8L16 12z',
  },
  { id: 'frame', path: 'M22 6H2M22 18H2M6 2v20M18 2v20' },
  {
    id: 'notebook-pen',
    path: 'M13.4 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7.4M2 6h4M2 10h4M2 14h4M2 18h4M21.4 5.6a1 1 0 1 0-3-3l-5 5a2 2 0 0 0-.5.9l-.8 2.9a.5.5 0 0 0 .6.6l2.9-.8a2 2 0 0 0 .9-.5z',
  },
];
