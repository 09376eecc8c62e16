import { useState } from 'react';
import { useHost, useLocalize } from '../ui/HostContext';
import { useParticipation } from './useParticipation';
import { VoteSheet } from './VoteSheet';
import './participation.css';

/** The Stemmen side view: every vote of the map, open ones first, with results; editors start, end and delete them. */
export function VotesView() {
  const { services } = useHost();
  const localize = useLocalize();
  const { votes } = useParticipation();
  const p = services.participation;
  const [confirm, setConfirm] = useState<string | null>(null);
  const lang = localize({ nl: 'nl-NL', en: 'en-GB' });
  return (
    <div className="mk-votes-view" data-testid="votes-view">
      {p.canEdit && (
        <button type="button" className="button primary mk-wide-button" onClick={() => void services.commands.executeCommand('core.startVote')}>
          {localize({ nl: 'Nieuwe stemming…', en: 'New vote…' })}
        </button>
      )}
      {votes.length === 0 && (
        <p className="mk-empty">
          {localize({
            nl: 'Nog geen stemmingen. Met stippen kiest de groep samen: welke ondersteuning eerst, welke plek, welke sleutelfiguur.',
            en: 'No votes yet. With dots the group chooses together: which support first, which place, which key figure.',
          })}
        </p>
      )}
      {votes.map((v) => (
        <div key={v.id} className="mk-votes-item">
          <p className="mk-votes-date">{new Date(v.startedAt).toLocaleString(lang, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })}</p>
          <VoteSheet vote={v} />
          {p.canEdit &&
            (confirm === v.id ? (
              <p className="mk-votes-confirm">
                {localize({ nl: 'Stemming en uitslag verwijderen?', en: 'Delete this vote and its result?' })}{' '}
                <button type="button" className="button danger" onClick={() => void p.deleteVote(v.id).then(() => setConfirm(null))}>
                  {localize({ nl: 'Verwijderen', en: 'Delete' })}
                </button>{' '}
                <button type="button" className="button" onClick={() => setConfirm(null)}>
                  {localize({ nl: 'Annuleren', en: 'Cancel' })}
                </button>
              </p>
            ) : (
              <button type="button" className="button quiet" onClick={() => setConfirm(v.id)}>
                {localize({ nl: 'Verwijderen…', en: 'Delete…' })}
              </button>
            ))}
        </div>
      ))}
    </div>
  );
}
