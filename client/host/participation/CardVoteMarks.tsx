import { useCallback, useSyncExternalStore } from 'react';
import { rankVote, type Vote } from '../../../shared/participation/votes';
import type { ParticipationState } from './ParticipationService';
import { useHost, useLocalize } from '../ui/HostContext';

/** What a card shows of a vote, or null when it takes part in none. */
interface Marks {
  vote: Vote;
  /** Voting is open: + and − are offered. */
  open: boolean;
  /** This person's dots on the card, and left in the vote. */
  mine: number;
  left: number;
  /** Dots on the card once counts are visible; -1 while hidden. */
  count: number;
}

/** The vote a card takes part in now (an open one), or whose result is shown on the cards. */
function marksFor(s: ParticipationState, card: string, isOpen: (v: Vote) => boolean): Marks | null {
  const openVote = s.votes.find((v) => isOpen(v) && v.cards.includes(card));
  const vote = openVote ?? s.votes.find((v) => v.showOnCards && v.counts && v.cards.includes(card));
  if (!vote) return null;
  const ballot = s.ballots[vote.id] ?? [];
  return {
    vote,
    open: openVote !== undefined,
    mine: ballot.filter((c) => c === card).length,
    left: vote.dots - ballot.length,
    count: vote.counts ? (vote.counts[vote.cards.indexOf(card)] ?? 0) : -1,
  };
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
  const isOpen = useCallback((v: Vote) => p.isOpen(v), [p]);
  const key = useSyncExternalStore(
    p.subscribe,
    useCallback(() => {
      const m = marksFor(p.get(), nodeId, isOpen);
      return m ? `${m.vote.id}|${m.open}|${m.mine}|${m.left}|${m.count}` : '';
    }, [p, nodeId, isOpen]),
  );
  const marks = key ? marksFor(p.get(), nodeId, isOpen) : null;
  if (!marks) return null;
  const { vote, open, mine, left, count } = marks;
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
