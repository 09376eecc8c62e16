import { useCallback, useSyncExternalStore } from 'react';
import { rankVote, type Vote } from '../../../shared/participation/votes';
import { useHost, useLocalize } from '../ui/HostContext';

/** The vote a card takes part in now (an open one), or whose result is shown on the cards. */
function voteFor(votes: readonly Vote[], card: string, isOpen: (v: Vote) => boolean): { vote: Vote; open: boolean } | null {
  const open = votes.find((v) => isOpen(v) && v.cards.includes(card));
  if (open) return { vote: open, open: true };
  const shown = votes.find((v) => v.showOnCards && v.counts && v.cards.includes(card));
  return shown ? { vote: shown, open: false } : null;
}

/**
 * On a card in a vote: one's own dots with + and − to vote by tapping the card; and the count once revealed (a
 * live vote, or a result the facilitator shows on the cards). Cards in no vote render nothing and never re-render
 * for votes: the store is read through a per-card key.
 */
export function CardVoteMarks({ nodeId }: { nodeId: string }) {
  const { services } = useHost();
  const localize = useLocalize();
  const p = services.participation;
  const key = useSyncExternalStore(
    p.subscribe,
    useCallback(() => {
      const s = p.get();
      const found = voteFor(s.votes, nodeId, (v) => p.isOpen(v));
      if (!found) return '';
      const mine = (s.ballots[found.vote.id] ?? []).filter((c) => c === nodeId).length;
      const left = found.vote.dots - (s.ballots[found.vote.id] ?? []).length;
      const count = found.vote.counts ? (found.vote.counts[found.vote.cards.indexOf(nodeId)] ?? 0) : -1;
      return `${found.vote.id}|${found.open}|${mine}|${left}|${count}`;
    }, [p, nodeId]),
  );
  if (!key) return null;
  const [voteId, openText, mineText, leftText, countText] = key.split('|');
  const vote = p.get().votes.find((v) => v.id === voteId);
  if (!vote) return null;
  const open = openText === 'true';
  const mine = Number(mineText);
  const left = Number(leftText);
  const count = Number(countText);
  const rank = count >= 0 && !open ? rankVote(vote).find((r) => r.card === nodeId)?.rank : undefined;
  return (
    <div className="mk-card-vote nodrag nopan" data-testid="card-vote" onPointerDown={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      {count >= 0 && (
        <span className="mk-card-vote-count" title={localize({ nl: `${count} stippen`, en: `${count} dots` })} data-testid="card-vote-count">
          {rank === 1 && '★ '}
          {count}
        </span>
      )}
      {open && (
        <>
          {mine > 0 && (
            <button type="button" className="mk-card-vote-button" onClick={() => void p.removeDot(vote, nodeId)} aria-label={localize({ nl: 'Stip weghalen', en: 'Remove a dot' })}>
              −
            </button>
          )}
          <span className="mk-card-vote-mine" aria-label={localize({ nl: `${mine} van jouw stippen`, en: `${mine} of your dots` })}>
            {Array.from({ length: mine }, (_, i) => (
              <span key={i} className="mk-dot" aria-hidden />
            ))}
          </span>
          <button
            type="button"
            className="mk-card-vote-button is-plus"
            disabled={left === 0 || (!vote.stack && mine > 0)}
            onClick={() => void p.addDot(vote, nodeId)}
            aria-label={localize({ nl: 'Stip op deze kaart', en: 'Dot on this card' })}
            title={localize({ nl: `Stip op deze kaart (nog ${left})`, en: `Dot on this card (${left} left)` })}
          >
            +
          </button>
        </>
      )}
    </div>
  );
}
