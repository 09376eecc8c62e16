import type { LocalizedText } from '../../model/fields';
import type { NodeRecord } from '../../model/schema';
import type { Commitment } from '../commitments';

/** "de afspraak van Karim Amrani (lotgenotengroep dochters)": how messages point at one commitment. */
export function commitmentName(c: Commitment, owner: NodeRecord | undefined): LocalizedText {
  const who = owner?.label.trim();
  const task = c.task ? ` (${c.task})` : '';
  return {
    nl: who ? `de afspraak van ${who}${task}` : `de afspraak${c.task ? ` ‘${c.task}’` : ' zonder taak'}`,
    en: who ? `${who}’s commitment${task}` : `the commitment${c.task ? ` ‘${c.task}’` : ' without a task'}`,
  };
}

/** Capitalises the first letter, for a name that starts a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
