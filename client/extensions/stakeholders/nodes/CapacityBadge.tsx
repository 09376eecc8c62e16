import { formatHours } from '../../../../shared/stakeholders';
import type { Language } from '../../../host/api';
import { useObservable, type StakeholderState } from '../state';

/**
 * Committed hours against capacity on a person's or organisation's node: "14/8 u/mnd", red when over in any month.
 * The peak month counts: a volunteer overasked from March to June is overasked, whatever the yearly average.
 */
export function CapacityBadge({ state, nodeId, language }: { state: StakeholderState; nodeId: string; language: Language }) {
  useObservable(state.mapVersion);
  const use = state.capacityOf(nodeId);
  if (!use || (use.capacity === null && use.peak === 0)) return null;
  const unit = language === 'nl' ? 'u/mnd' : 'h/mo';
  const over = use.overMonths.length > 0;
  const text = use.capacity === null ? `${formatHours(use.peak, language)} ${unit}` : `${formatHours(use.peak, language)}/${formatHours(use.capacity, language)} ${unit}`;
  const title =
    language === 'nl'
      ? `Afgesproken: ${formatHours(use.peak, 'nl')} uur per maand (drukste maand)${use.capacity === null ? '; capaciteit nog niet ingevuld' : `, capaciteit ${formatHours(use.capacity, 'nl')} uur per maand`}${over ? '. Meer dan de capaciteit!' : ''}`
      : `Committed: ${formatHours(use.peak, 'en')} h/month (busiest month)${use.capacity === null ? '; capacity not filled in' : `, capacity ${formatHours(use.capacity, 'en')} h/month`}${over ? '. Over capacity!' : ''}`;
  return (
    <span className={`sh-capacity ${over ? 'is-over' : ''}`} title={title} aria-label={title} data-testid="capacity-badge">
      {text}
    </span>
  );
}
