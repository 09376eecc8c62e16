import type { FieldOption, LocalizedText } from '../model/fields';

/** The three knowledge sources a team needs at the table (Movisie, les 1). */
export type KnowledgeSourceId = 'wetenschappelijk' | 'praktijk' | 'ervaring';

export interface KnowledgeSource {
  id: KnowledgeSourceId;
  label: LocalizedText;
}

export const KNOWLEDGE_SOURCES: readonly KnowledgeSource[] = [
  { id: 'wetenschappelijk', label: { nl: 'Wetenschappelijke kennis', en: 'Research knowledge' } },
  { id: 'praktijk', label: { nl: 'Praktijkkennis', en: 'Practice knowledge' } },
  { id: 'ervaring', label: { nl: 'Ervaringskennis', en: 'Lived experience' } },
];

export const KNOWLEDGE_SOURCE_OPTIONS: FieldOption[] = KNOWLEDGE_SOURCES.map((k) => ({ value: k.id, label: k.label }));

export function isKnowledgeSource(value: string): value is KnowledgeSourceId {
  return KNOWLEDGE_SOURCES.some((k) => k.id === value);
}
