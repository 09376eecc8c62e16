import type { ExtensionManifest } from '../../shared/plugin/manifest';

const cat = { nl: 'Kaart', en: 'Map' };

/** Contributed ids in one place, so the manifest, the commands and the tests spell them the same way. */
export const EXPORT_IDS = {
  cmd: {
    png: 'export.png',
    pngView: 'export.pngView',
    svg: 'export.svg',
    svgView: 'export.svgView',
    json: 'export.json',
    importJson: 'export.importJson',
  },
  exporter: {
    png: 'export.pngFile',
    svg: 'export.svgFile',
    json: 'export.jsonFile',
  },
} as const;

/** Generic export and import of any map: pictures and data. Domain documents (the plan) belong to their extension. */
export const exportManifest = {
  id: 'export',
  name: { nl: 'Exporteren en importeren', en: 'Export and import' },
  version: '1.0.0',
  description: {
    nl: 'De kaart als afbeelding (PNG of SVG) en als gegevensbestand (JSON), en een JSON-bestand inlezen als nieuwe kaart.',
    en: 'The map as an image (PNG or SVG) and as a data file (JSON), and reading a JSON file into a new map.',
  },
  contributes: {
    commands: [
      { id: EXPORT_IDS.cmd.png, title: { nl: 'Kaart exporteren als afbeelding (PNG)', en: 'Export map as image (PNG)' }, category: cat, icon: 'download' },
      { id: EXPORT_IDS.cmd.pngView, title: { nl: 'Huidige weergave exporteren als afbeelding (PNG)', en: 'Export current view as image (PNG)' }, category: cat, icon: 'download' },
      { id: EXPORT_IDS.cmd.svg, title: { nl: 'Kaart exporteren als SVG', en: 'Export map as SVG' }, category: cat, icon: 'download' },
      { id: EXPORT_IDS.cmd.svgView, title: { nl: 'Huidige weergave exporteren als SVG', en: 'Export current view as SVG' }, category: cat, icon: 'download' },
      { id: EXPORT_IDS.cmd.json, title: { nl: 'Kaart exporteren als JSON…', en: 'Export map as JSON…' }, category: cat, icon: 'download' },
      { id: EXPORT_IDS.cmd.importJson, title: { nl: 'Kaart importeren uit JSON…', en: 'Import map from JSON…' }, category: cat, icon: 'upload' },
    ],
    menus: {
      'canvas/context': [
        { command: EXPORT_IDS.cmd.png, group: '8_export@1' },
        { command: EXPORT_IDS.cmd.pngView, group: '8_export@2' },
      ],
    },
    exporters: [
      { id: EXPORT_IDS.exporter.png, title: { nl: 'Afbeelding van de hele kaart (PNG)', en: 'Image of the whole map (PNG)' }, fileExtension: 'png', mimeType: 'image/png' },
      { id: EXPORT_IDS.exporter.svg, title: { nl: 'Afbeelding van de hele kaart (SVG)', en: 'Image of the whole map (SVG)' }, fileExtension: 'svg', mimeType: 'image/svg+xml' },
      { id: EXPORT_IDS.exporter.json, title: { nl: 'Kaartgegevens (JSON, zonder contactgegevens)', en: 'Map data (JSON, without contact details)' }, fileExtension: 'json', mimeType: 'application/json' },
    ],
  },
} satisfies ExtensionManifest;
