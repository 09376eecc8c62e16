import { useSyncExternalStore } from 'react';
import { nodesMap, readNode } from '../../../shared/model/mapDoc';
import { rankVote, type Vote } from '../../../shared/participation/votes';
import * as Y from 'yjs';
import { useHost, useLocalize } from '../ui/HostContext';
import { Icon } from '../ui/Icon';
import { formatCountdown, useParticipation, useServerNow } from './useParticipation';

/** A card's label now, or as it was when the vote ended, or a dash for a card that is gone. */
export function useCardLabel(): (vote: Vote, card: string) => string {
  const { services } = useHost();
  const doc = services.session.doc;
  useSyncExternalStore(
    (l) => {
      doc.on('update', l);
      return () => doc.off('update', l);
    },
    () => nodesMap(doc).size,
  );
  return (vote, card) => {
    const y = nodesMap(doc).get(card);
    if (y instanceof Y.Map) return readNode(card, y).label || '—';
    const i = vote.cards.indexOf(card);
    return (vote.labels && i >= 0 ? vote.labels[i] : '') || '—';
  };
}

/**
 * One vote, as everyone sees it: the question, the cards with big buttons to put or take a dot (a phone's thumb),
 * one's own dots left, and the result once it is revealed. Editors also reveal and end it here.
 */
export function VoteSheet({ vote, onClose }: { vote: Vote; onClose?: () => void }) {
  const { services } = useHost();
  const localize = useLocalize();
  const p = services.participation;
  const { ballots } = useParticipation();
  const now = useServerNow(vote.status === 'open' && vote.endsAt !== null, 500);
  const label = useCardLabel();
  const mine = ballots[vote.id] ?? [];
  const open = p.isOpen(vote);
  const left = vote.dots - mine.length;
  const ranked = rankVote(vote);
  const countOf = new Map(ranked.map((r) => [r.card, r]));
  const cards = vote.counts && !open ? ranked.map((r) => r.card) : vote.cards;
  const max = Math.max(1, ...(vote.counts ?? [1]));
  return (
    <section className="mk-vote-sheet" aria-labelledby={`vote-${vote.id}`} data-testid="vote-sheet" data-vote={vote.id}>
      <header className="mk-vote-head">
        <div>
          <h3 id={`vote-${vote.id}`}>{vote.question}</h3>
          <p className="mk-vote-meta">
            {open
              ? localize({ nl: `Je hebt nog ${left} van ${vote.dots} stippen`, en: `You have ${left} of ${vote.dots} dots left` })
              : localize({ nl: 'Stemming gesloten', en: 'Vote closed' })}
            {open && vote.endsAt !== null && <> · {formatCountdown(vote.endsAt - now)}</>}
            {' · '}
            {localize({ nl: `${vote.voters} ${vote.voters === 1 ? 'persoon heeft' : 'mensen hebben'} gestemd`, en: `${vote.voters} ${vote.voters === 1 ? 'person has' : 'people have'} voted` })}
          </p>
          {open && !vote.revealed && <p className="mk-vote-note">{localize({ nl: 'Stemmen zijn anoniem. De uitslag komt als de begeleider hem laat zien.', en: 'Votes are anonymous. The result shows when the facilitator reveals it.' })}</p>}
        </div>
        {onClose && (
          <button type="button" className="mk-icon-button" onClick={onClose} aria-label={localize({ nl: 'Sluiten', en: 'Close' })}>
            <Icon name="close" size={18} />
          </button>
        )}
      </header>
      <ol className="mk-vote-cards" data-testid="vote-cards">
        {cards.map((card) => {
          const dots = mine.filter((c) => c === card).length;
          const result = countOf.get(card);
          return (
            <li key={card} className={`mk-vote-card ${dots > 0 ? 'has-dots' : ''}`} data-card={card}>
              {result && <span className="mk-vote-rank" aria-label={localize({ nl: `plaats ${result.rank}`, en: `rank ${result.rank}` })}>{result.rank}</span>}
              <span className="mk-vote-label">
                <button type="button" className="mk-vote-show" onClick={() => services.canvas.fitView([card])} title={localize({ nl: 'Op de kaart tonen', en: 'Show on the map' })}>
                  {label(vote, card)}
                </button>
                {result && (
                  <span className="mk-vote-bar" aria-hidden>
                    <span style={{ width: `${(result.count / max) * 100}%` }} />
                  </span>
                )}
              </span>
              {result && <span className="mk-vote-count" data-testid="vote-count">{result.count}</span>}
              {open && (
                <span className="mk-vote-buttons">
                  <span className="mk-vote-mine" aria-label={localize({ nl: `${dots} van jouw stippen`, en: `${dots} of your dots` })}>
                    {Array.from({ length: dots }, (_, i) => (
                      <span key={i} className="mk-dot" aria-hidden />
                    ))}
                  </span>
                  {dots > 0 && (
                    <button type="button" className="mk-vote-minus" onClick={() => void p.removeDot(vote, card)} aria-label={localize({ nl: `Stip weghalen bij ${label(vote, card)}`, en: `Remove a dot from ${label(vote, card)}` })}>
                      −
                    </button>
                  )}
                  <button
                    type="button"
                    className="mk-vote-plus"
                    disabled={left === 0 || (!vote.stack && dots > 0)}
                    onClick={() => void p.addDot(vote, card)}
                    aria-label={localize({ nl: `Stip op ${label(vote, card)}`, en: `Dot on ${label(vote, card)}` })}
                  >
                    +
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {p.canEdit && <VoteActions vote={vote} open={open} />}
    </section>
  );
}

function VoteActions({ vote, open }: { vote: Vote; open: boolean }) {
  const { services } = useHost();
  const localize = useLocalize();
  const p = services.participation;
  return (
    <div className="mk-vote-actions">
      {open && !vote.revealed && (
        <button type="button" className="button" onClick={() => void p.voteAction(vote.id, 'reveal')}>
          {localize({ nl: 'Uitslag tonen', en: 'Reveal results' })}
        </button>
      )}
      {vote.status === 'open' && (
        <button type="button" className="button primary" onClick={() => void p.voteAction(vote.id, 'end')}>
          {localize({ nl: 'Stemming sluiten', en: 'End vote' })}
        </button>
      )}
      {vote.counts && (
        <label className="mk-vote-toggle">
          <input type="checkbox" checked={vote.showOnCards} onChange={(e) => void p.showOnCards(vote.id, e.target.checked)} />
          {localize({ nl: 'Uitslag op de kaarten tonen', en: 'Show results on the cards' })}
        </label>
      )}
    </div>
  );
}
