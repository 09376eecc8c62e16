import { createElement } from 'react';
import { MAP_FILE_LIMITS } from '../../shared/exchange/mapFileLimits';
import type { ExtensionModule, MantelkaartApi } from '../host/api';
import { navigate } from '../app/route';
import { EXPORT_IDS, exportManifest } from './exportManifest';
import { fileDate } from '../../shared/exchange/fileNames';
import { pickTextFile } from './files';
import { JsonExportDialog } from './ui/JsonExportDialog';

type ImageFormat = 'png' | 'svg';
type ImageArea = 'map' | 'view';

const MIME: Record<ImageFormat, string> = { png: 'image/png', svg: 'image/svg+xml' };

function titleOf(api: MantelkaartApi): string {
  return api.map.getMeta().title.trim() || api.localize({ nl: 'mantelkaart', en: 'mantelkaart' });
}

/** A picture of the map for an exporter or command; an empty map or missing canvas becomes a readable error. */
async function mapImage(api: MantelkaartApi, format: ImageFormat, area: ImageArea): Promise<Blob> {
  try {
    return await api.canvas.captureImage(format, area);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : undefined;
    if (code === 'export/empty-map') {
      throw new Error(api.localize({ nl: 'de kaart is nog leeg; zet er eerst iets op', en: 'the map is still empty; add something first' }));
    }
    if (code) console.error(`[${code}]`, err instanceof Error ? err.message : err);
    throw err;
  }
}

async function runImport(api: MantelkaartApi): Promise<void> {
  const file = await pickTextFile('.json,application/json', MAP_FILE_LIMITS.maxChars * 4 + 4);
  if (!file) return;
  // The import gate and its dialog load when someone imports: a participant following on a phone never does.
  const [{ importIntoNewMap }, { ImportErrorDialog }] = await Promise.all([import('./importIntoNewMap'), import('./ui/ImportErrorDialog')]);
  const outcome = await importIntoNewMap(file.text, api.language, () =>
    api.window.showMessage({ nl: `${file.name} wordt ingelezen als nieuwe kaart…`, en: `Reading ${file.name} into a new map…` }),
  );
  if (!outcome.ok) {
    if (outcome.stage === 'file') {
      console.warn('[export/import-refused]', outcome.errors.map((e) => `${e.code} ${e.path}`).join('; '));
      await api.window.showDialog<void>((close) => createElement(ImportErrorDialog, { ui: api.ui, localize: api.localize, fileName: file.name, errors: outcome.errors, close: () => close() }));
      return;
    }
    api.window.showMessage(outcome.reason, 'error');
    return;
  }
  navigate(outcome.path);
}

/**
 * The host's built-in export extension: pictures (PNG, SVG) of the whole map or of the current view, the map as a
 * JSON file, and a JSON file read into a new map. Registered through the public API like any extension.
 */
export const exportExtension: ExtensionModule = {
  manifest: exportManifest,
  activate(context, api) {
    const subs = context.subscriptions;
    const register = (id: string, fn: (...args: unknown[]) => unknown) => subs.push(api.commands.registerCommand(id, fn));

    const image = (format: ImageFormat, area: ImageArea) => async () => {
      const blob = await mapImage(api, format, area);
      const suffix = area === 'view' ? api.localize({ nl: '-weergave', en: '-view' }) : '';
      api.window.saveFile(blob, `${titleOf(api)}${suffix}-${fileDate()}`, format, MIME[format]);
    };
    register(EXPORT_IDS.cmd.png, image('png', 'map'));
    register(EXPORT_IDS.cmd.pngView, image('png', 'view'));
    register(EXPORT_IDS.cmd.svg, image('svg', 'map'));
    register(EXPORT_IDS.cmd.svgView, image('svg', 'view'));

    register(EXPORT_IDS.cmd.json, async () => {
      const save = async (includePrivate: boolean) => api.window.saveFile((await import('./mapData')).mapJsonText(api, includePrivate), `${titleOf(api)}-${fileDate()}`, 'json', 'application/json');
      const allowPrivate = api.map.mayExportPrivate;
      // Without contact details to choose about there is nothing to ask: save at once.
      if (!allowPrivate) return save(false);
      await api.window.showDialog<void>((close) => createElement(JsonExportDialog, { ui: api.ui, localize: api.localize, allowPrivate, onExport: save, close: () => close() }));
    });
    register(EXPORT_IDS.cmd.importJson, () => runImport(api));

    subs.push(
      api.exporters.registerExporter(EXPORT_IDS.exporter.png, { export: () => mapImage(api, 'png', 'map') }),
      api.exporters.registerExporter(EXPORT_IDS.exporter.svg, { export: () => mapImage(api, 'svg', 'map') }),
      api.exporters.registerExporter(EXPORT_IDS.exporter.json, { export: async () => (await import('./mapData')).mapJsonText(api, false) }),
    );
  },
};
