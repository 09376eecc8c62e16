import { useState } from 'react';
import { useHost, useLocalize } from '../ui/HostContext';
import { Icon } from '../ui/Icon';
import { TimerChip } from './TimerChip';
import { useParticipation } from './useParticipation';
import { VoteSheet } from './VoteSheet';
import './participation.css';

/**
 * What floats over the map for everyone, phones first: the timer at the top; at the bottom the open vote (tap to
 * vote from a list with big buttons), "Voorstel doen" for participants, and what became of one's suggestions.
 */
export function ParticipationDock() {
  const { services } = useHost();
  const localize = useLocalize();
  const state = useParticipation();
  const p = services.participation;
  const [sheet, setSheet] = useState<string | null>(null);
  const open = state.votes.filter((v) => p.isOpen(v));
  const shown = state.votes.find((v) => v.id === sheet);
  const canSuggest = !p.canEdit && state.suggest.open && services.suggestions.all().length > 0;
  const answered = state.sent.filter((s) => s.outcome);
  const waiting = state.sent.filter((s) => !s.outcome).length;
  return (
    <div className="mk-participation" data-testid="participation-dock">
      <div className="mk-participation-top">
        <TimerChip />
      </div>
      <div className="mk-participation-bottom">
        {shown ? (
          <VoteSheet vote={shown} onClose={() => setSheet(null)} />
        ) : (
          <>
            {answered.map((s) => (
              <div key={s.id} className={`mk-outcome is-${s.outcome!.status}`} role="status">
                <span>
                  {s.outcome!.status === 'accepted'
                    ? localize({ nl: `Je voorstel “${s.name}” staat op de kaart.`, en: `Your suggestion “${s.name}” is on the map.` })
                    : localize({ nl: `Je voorstel “${s.name}” is niet overgenomen.`, en: `Your suggestion “${s.name}” was not taken over.` })}
                  {s.outcome!.reason && <em> {s.outcome!.reason}</em>}
                </span>
                <button type="button" className="mk-icon-button" onClick={() => p.forgetSent(s.id)} aria-label={localize({ nl: 'Gelezen', en: 'Dismiss' })}>
                  <Icon name="close" size={16} />
                </button>
              </div>
            ))}
            <div className="mk-participation-buttons">
              {open.map((v) => {
                const left = v.dots - (state.ballots[v.id] ?? []).length;
                return (
                  <button key={v.id} type="button" className="mk-dock-button is-vote" onClick={() => setSheet(v.id)} data-testid="open-vote">
                    <Icon name="vote" size={20} />
                    <span>
                      <strong>{localize({ nl: 'Stemmen', en: 'Vote' })}</strong> {v.question}
                      <small>{localize({ nl: `nog ${left} van ${v.dots} stippen`, en: `${left} of ${v.dots} dots left` })}</small>
                    </span>
                  </button>
                );
              })}
              {canSuggest && (
                <button
                  type="button"
                  className="mk-dock-button"
                  data-testid="suggest"
                  onClick={() => void services.commands.executeCommand('core.suggest')}
                >
                  <Icon name="message-plus" size={20} />
                  <span>
                    <strong>{localize({ nl: 'Voorstel doen', en: 'Suggest' })}</strong>
                    {waiting > 0 && <small>{localize({ nl: `${waiting} wacht op de begeleider`, en: `${waiting} waiting for the facilitator` })}</small>}
                  </span>
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
