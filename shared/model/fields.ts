/**
 * Field schemas: how a node kind, edge kind or record collection declares its fields, so the host can render
 * an inspector form, validate input and keep private fields out of the shared document without knowing the domain.
 */

/** Text shown to people, in the two UI languages (Dutch first). */
export interface LocalizedText {
  nl: string;
  en: string;
}

export type FieldType =
  | 'text' // one line
  | 'longtext' // several lines
  | 'number'
  | 'boolean'
  | 'select' // one of options
  | 'multiselect' // several of options
  | 'tags' // free list of strings, with suggestions
  | 'date' // YYYY-MM-DD
  | 'month' // YYYY-MM
  | 'nodeRef' // id of one node (of refKinds)
  | 'nodeRefs' // ids of several nodes
  | 'phone'
  | 'email';

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

/** A choice of a select field, written the short way: `fieldOption('concept', 'Concept', 'Draft')`. */
export const fieldOption = (value: string, nl: string, en: string): FieldOption => ({ value, label: { nl, en } });

export interface FieldSchema {
  key: string;
  type: FieldType;
  label: LocalizedText;
  description?: LocalizedText;
  /** For select and multiselect. */
  options?: FieldOption[];
  /** Offered while typing (text, tags): the Stappenplan appendix's examples, for instance. */
  suggestions?: string[];
  min?: number;
  max?: number;
  step?: number;
  /** Shown after a number: "uur/maand", "€". */
  unit?: LocalizedText;
  required?: boolean;
  /** Stored in the private companion document, never sent to view links (AVG). */
  private?: boolean;
  /** For nodeRef and nodeRefs: the node kinds that may be referred to (all when absent). */
  refKinds?: string[];
}
