import { rankVote, readVotes } from '../../participation/votes';
import type { DraftSection, PlanContext } from '../planContext';
import { formatPlanDate } from '../planDate';

/**
 * Keuzes uit de werksessies: what the group chose with dots (step 06, "maak een keuze welke ondersteuning"), each
 * vote with its question, date, how many voted and the ranking. Only results that were shown to the group count;
 * a map without them leaves the chapter out.
 */
export function choicesSection(ctx: PlanContext): DraftSection[] {
  const votes = readVotes(ctx.snapshot)
    .filter((v) => v.counts !== null && v.voters > 0)
    .sort((a, b) => a.startedAt - b.startedAt);
  if (votes.length === 0) return [];
  const label = (card: string, i: number, labels: string[] | null) => (ctx.nodes.has(card) ? ctx.name(card) : (labels?.[i] ?? '') || '—');
  const sections: DraftSection[] = [
    {
      id: 'keuzes',
      level: 1,
      heading: ctx.t('Keuzes uit de werksessies', 'Choices from the workshops'),
      blocks: [
        {
          type: 'paragraph',
          text: ctx.t(
            'In de werksessies koos de groep, deelnemers met de kijklink op hun telefoon inbegrepen, met stippen wat voorrang krijgt. Iedereen had een vast aantal stippen; stemmen waren anoniem.',
            'In the workshops the group, participants following on their phones included, chose with dots what comes first. Everyone had a fixed number of dots; votes were anonymous.',
          ),
        },
      ],
    },
  ];
  for (const v of votes) {
    const ranked = rankVote(v);
    const date = formatPlanDate(new Date(v.endedAt ?? v.startedAt), ctx.lang);
    sections.push({
      id: `keuze-${v.id}`,
      level: 2,
      heading: v.question,
      blocks: [
        {
          type: 'paragraph',
          text: ctx.t(
            `${date}: ${v.voters} ${v.voters === 1 ? 'persoon stemde' : 'mensen stemden'}, ${v.dots} ${v.dots === 1 ? 'stip' : 'stippen'} per persoon${v.status === 'open' ? ' (de stemming loopt nog)' : ''}.`,
            `${date}: ${v.voters} ${v.voters === 1 ? 'person' : 'people'} voted, ${v.dots} ${v.dots === 1 ? 'dot' : 'dots'} each${v.status === 'open' ? ' (the vote is still open)' : ''}.`,
          ),
        },
        {
          type: 'table',
          table: {
            header: [ctx.t('Plaats', 'Rank'), ctx.t('Keuze', 'Choice'), ctx.t('Stippen', 'Dots')],
            rows: ranked.map((r) => [String(r.rank), label(r.card, v.cards.indexOf(r.card), v.labels), String(r.count)]),
          },
        },
      ],
    });
  }
  return sections;
}
