import type { FieldOption, LocalizedText } from '../model/fields';

/** The three phases of support: reach people, bond with them, and make it last beyond the project. */
export type PhaseId = 'bereiken' | 'binden' | 'borgen';

export const PHASES: readonly { id: PhaseId; label: LocalizedText }[] = [
  { id: 'bereiken', label: { nl: 'Bereiken', en: 'Reach' } },
  { id: 'binden', label: { nl: 'Binden', en: 'Bond' } },
  { id: 'borgen', label: { nl: 'Borgen', en: 'Sustain' } },
];

export const PHASE_OPTIONS: FieldOption[] = PHASES.map((p) => ({ value: p.id, label: p.label }));

export function isPhase(value: unknown): value is PhaseId {
  return value === 'bereiken' || value === 'binden' || value === 'borgen';
}
