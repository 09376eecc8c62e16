import { useState } from 'react';
import { nodesMap, readNode } from '../../../shared/model/mapDoc';
import type { Suggestion } from '../../../shared/participation/suggestions';
import * as Y from 'yjs';
import { useHost, useLocalize } from '../ui/HostContext';
import { useParticipation } from './useParticipation';
import './participation.css';

/**
 * The Voorstellen inbox (editors): what participants suggested, oldest first. Accepting puts the card on the map
 * near the card it relates to, with its note, as one undoable change; dismissing may say why (the sender sees it).
 */
export function SuggestionsView() {
  const { services } = useHost();
  const localize = useLocalize();
  const { waiting, suggest } = useParticipation();
  const p = services.participation;
  return (
    <div className="mk-suggestions-view" data-testid="suggestions-view">
      <label className="mk-form-check">
        <input type="checkbox" checked={suggest.open} onChange={(e) => void p.setSuggestionsOpen(e.target.checked)} />
        {localize({ nl: 'Deelnemers mogen voorstellen doen', en: 'Participants may make suggestions' })}
      </label>
      {waiting.length === 0 && (
        <p className="mk-empty">
          {localize({
            nl: 'Geen voorstellen. Deelnemers met de kijklink kunnen sleutelfiguren, plekken, organisaties en gemeenschappen voorstellen; ze verschijnen hier.',
            en: 'No suggestions. Participants with the view link can suggest key figures, places, organisations and communities; they appear here.',
          })}
        </p>
      )}
      <ul className="mk-suggestion-list" role="list">
        {waiting.map((s) => (
          <SuggestionItem key={s.id} s={s} />
        ))}
      </ul>
    </div>
  );
}

function SuggestionItem({ s }: { s: Suggestion }) {
  const { services } = useHost();
  const localize = useLocalize();
  const p = services.participation;
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const kind = services.nodeKinds.get(s.kind)?.declaration;
  const y = s.relatesTo ? nodesMap(services.session.doc).get(s.relatesTo) : undefined;
  const related = y instanceof Y.Map && s.relatesTo ? readNode(s.relatesTo, y).label : null;
  return (
    <li className="mk-suggestion" data-testid="suggestion">
      <p className="mk-suggestion-kind">{kind ? localize(kind.title) : s.kind}</p>
      <p className="mk-suggestion-name">{s.name}</p>
      {s.note && <p className="mk-suggestion-note">{s.note}</p>}
      {related && <p className="mk-suggestion-meta">{localize({ nl: `Hoort bij: ${related}`, en: `Relates to: ${related}` })}</p>}
      <p className="mk-suggestion-meta">
        {s.from ? localize({ nl: `Van ${s.from}`, en: `From ${s.from}` }) : localize({ nl: 'Anoniem', en: 'Anonymous' })} ·{' '}
        {new Date(s.at).toLocaleTimeString(localize({ nl: 'nl-NL', en: 'en-GB' }), { hour: '2-digit', minute: '2-digit' })}
      </p>
      {dismissing ? (
        <form
          className="mk-suggestion-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void p.dismiss(s, reason.trim());
          }}
        >
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={localize({ nl: 'Waarom niet? (mag leeg, de inzender ziet het)', en: 'Why not? (optional, the sender sees it)' })} aria-label={localize({ nl: 'Reden', en: 'Reason' })} />
          <button type="submit" className="button">
            {localize({ nl: 'Niet overnemen', en: 'Dismiss' })}
          </button>
          <button type="button" className="button quiet" onClick={() => setDismissing(false)}>
            {localize({ nl: 'Terug', en: 'Back' })}
          </button>
        </form>
      ) : (
        <div className="mk-suggestion-actions">
          <button
            type="button"
            className="button primary"
            onClick={() =>
              void p.accept(s).then((node) => {
                if (node) {
                  services.session.selection.set([node]);
                  services.canvas.fitView([node]);
                }
              })
            }
          >
            {localize({ nl: 'Op de kaart zetten', en: 'Put on the map' })}
          </button>
          <button type="button" className="button" onClick={() => setDismissing(true)}>
            {localize({ nl: 'Niet overnemen…', en: 'Dismiss…' })}
          </button>
        </div>
      )}
    </li>
  );
}
