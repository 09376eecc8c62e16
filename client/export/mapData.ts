import { exportMapJson, stringifyMapFile } from '../../shared/exchange/exportMapJson';
import type { PrivateFieldsByNode } from '../../shared/exchange/privateFieldsOf';
import type { FieldValue, MantelkaartApi } from '../host/api';

/** Every node's private fields as this person may read them (empty on view links). */
export function readPrivateFields(api: MantelkaartApi): PrivateFieldsByNode {
  const out: PrivateFieldsByNode = {};
  if (!api.map.hasPrivateFields) return out;
  for (const n of api.map.getNodes()) {
    const fields: Record<string, FieldValue> = api.map.getPrivateFields(n.id);
    if (Object.keys(fields).length > 0) out[n.id] = fields;
  }
  return out;
}

/** Whether this person may take contact details into an export: edit and owner links, where the private document is open. */
export function mayExportPrivate(api: MantelkaartApi): boolean {
  return api.map.canEdit && api.map.hasPrivateFields;
}

/** The map as the text of a .json map file; contact details only when asked and allowed. */
export function mapJsonText(api: MantelkaartApi, includePrivate: boolean): string {
  const allowed = includePrivate && mayExportPrivate(api);
  return stringifyMapFile(exportMapJson(api.map.snapshot(), allowed ? readPrivateFields(api) : undefined, { includePrivate: allowed, app: 'Mantelkaart' }));
}
