import type { FieldOption, FieldSchema, LocalizedText } from '../../model/fields';
import type { NodeRecord } from '../../model/schema';
import { parseMonth, type Month } from '../months';
import { amountField, listField, optionField, optionsField, textField, type Data } from '../nodeData';

/**
 * A field of a node kind, stated once: the schema the inspector, CSV import and exports use, and the reader that
 * gets its value out of a card's data with a safe default (the document is edited by many clients and versions).
 * A kind's record type and reader are derived from its list of these (`KindRecord`, `readKind`).
 */
export interface KindField<K extends string = string, V = unknown> {
  readonly key: K;
  readonly schema: FieldSchema;
  /** Absent for private fields: they live in the private document, never in the map's data. */
  readonly read?: (data: Data) => V;
}

/** What a field may add to its schema besides key, type and label. */
export type KindFieldExtra = Omit<FieldSchema, 'key' | 'type' | 'label' | 'options'>;

/** A field that lives in the map's data: its reader is always there (the record type relies on it). */
type ReadField<K extends string, V> = KindField<K, V> & { readonly read: (data: Data) => V };

const make = <K extends string, V>(key: K, type: FieldSchema['type'], label: LocalizedText, extra: KindFieldExtra | undefined, read: (data: Data) => V, options?: FieldOption[]): ReadField<K, V> => ({
  key,
  schema: { key, type, label, ...(options ? { options } : {}), ...extra },
  read,
});

export const field = {
  /** One line of text ('' when empty). */
  text: <K extends string>(key: K, label: LocalizedText, extra?: KindFieldExtra) => make(key, 'text', label, extra, (d) => textField(d, key)),
  /** Several lines of text. */
  longtext: <K extends string>(key: K, label: LocalizedText, extra?: KindFieldExtra) => make(key, 'longtext', label, extra, (d) => textField(d, key)),
  /** A free list of words, with suggestions. */
  tags: <K extends string>(key: K, label: LocalizedText, extra?: KindFieldExtra) => make(key, 'tags', label, extra, (d) => listField(d, key)),
  /** A number ≥ 0, or null. */
  amount: <K extends string>(key: K, label: LocalizedText, extra?: KindFieldExtra) => make(key, 'number', label, extra, (d) => amountField(d, key)),
  /** One of `allowed`, or null. */
  select: <K extends string, T extends string>(key: K, label: LocalizedText, allowed: readonly T[], options: FieldOption[], extra?: KindFieldExtra) =>
    make(key, 'select', label, extra, (d) => optionField(d, key, allowed), options),
  /** Any of `allowed`. */
  multiselect: <K extends string, T extends string>(key: K, label: LocalizedText, allowed: readonly T[], options: FieldOption[], extra?: KindFieldExtra) =>
    make(key, 'multiselect', label, extra, (d) => optionsField(d, key, allowed), options),
  /** The id of another card, or null. */
  nodeRef: <K extends string>(key: K, label: LocalizedText, refKinds: string[], extra?: KindFieldExtra) =>
    make(key, 'nodeRef', label, { refKinds, ...extra }, (d): string | null => textField(d, key) || null),
  /** Ids of other cards. */
  nodeRefs: <K extends string>(key: K, label: LocalizedText, refKinds: string[], extra?: KindFieldExtra) => make(key, 'nodeRefs', label, { refKinds, ...extra }, (d) => listField(d, key)),
  /** A month (YYYY-MM), or null. */
  month: <K extends string>(key: K, label: LocalizedText, extra?: KindFieldExtra) => make(key, 'month', label, extra, (d): Month | null => parseMonth(d[key])),
  /** A phone number or e-mail address: private, so in the schema but never read from the map. */
  contact: <K extends string>(key: K, type: 'phone' | 'email', label: LocalizedText): { readonly key: K; readonly schema: FieldSchema } => ({ key, schema: { key, type, label, private: true } }),
};

/** The record a kind's reader returns: id, label and every field that lives in the map's data, typed. */
export type KindRecord<Fs extends readonly KindField[]> = { id: string; label: string } & {
  [F in Fs[number] as F extends { read: (d: Data) => unknown } ? F['key'] : never]: F extends { read: (d: Data) => infer V } ? V : never;
};

/** Reads a card as its kind's record: every field through its own reader. */
export function readKind<Fs extends readonly KindField[]>(node: NodeRecord, fields: Fs): KindRecord<Fs> {
  const out: Record<string, unknown> = { id: node.id, label: node.label };
  for (const f of fields) if (f.read) out[f.key] = f.read(node.data);
  // Built field by field from the same list the type is derived from.
  return out as KindRecord<Fs>;
}

/** The schemas of a kind's fields, for its NodeKindSpec. */
export function schemasOf(fields: readonly KindField[]): FieldSchema[] {
  return fields.map((f) => f.schema);
}
