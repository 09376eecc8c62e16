import { exportMapJson, stringifyMapFile } from '../../shared/exchange/exportMapJson';
import type { MantelkaartApi } from '../host/api';

/** The map as the text of a .json map file; contact details only when asked and allowed. */
export function mapJsonText(api: MantelkaartApi, includePrivate: boolean): string {
  const privateFields = api.map.privateFieldsForExport(includePrivate);
  return stringifyMapFile(exportMapJson(api.map.snapshot(), privateFields, { includePrivate: privateFields !== undefined, app: 'Mantelkaart' }));
}
