import { participatingOrganisations } from '../../stakeholders/participatingOrganisations';
import { paragraphs, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';
import { teamTable } from './titlePage';

/** De organisatie en het team: who sits at the table and which knowledge sources they bring (step 02, Movisie les 1). */
export function teamSection(ctx: PlanContext): DraftSection[] {
  const blocks: DraftBlock[] = [...paragraphs(ctx.data.texts.organisatie)];
  if (!ctx.data.texts.organisatie) blocks.push({ type: 'missing', items: [ctx.t('Nog niet beschreven waar de organisatie staat (stap 02): wat is er al, wat ontbreekt, wie doet mee.', 'Not yet described where the organisation stands (step 02): what exists, what is missing, who takes part.')] });
  const team = teamTable(ctx);
  if (team) blocks.push({ type: 'table', table: team });
  else blocks.push({ type: 'missing', items: [ctx.t('Nog geen deelnemers op de kaart.', 'No team members on the map yet.')] });

  const orgs = participatingOrganisations(ctx.snapshot);
  if (orgs.length > 0) {
    blocks.push({
      type: 'bullets',
      items: orgs.map((o) => {
        const members = ctx.list(o.memberIds.map((id) => ctx.name(id)));
        const own = o.commitmentIds.length;
        const committed = own > 0
          ? ctx.t(`${own} afspra${own === 1 ? 'ak' : 'ken'} namens de organisatie`, `${own} commitment${own === 1 ? '' : 's'} on behalf of the organisation`)
          : ctx.t('nog geen afspraak namens de organisatie', 'no commitment on behalf of the organisation yet');
        return members ? `${o.name} (${members}): ${committed}` : `${o.name}: ${committed}`;
      }),
    });
  }

  const sources = ctx.coverage.knowledgeSources;
  blocks.push({
    type: 'table',
    table: {
      header: [ctx.t('Kennisbron', 'Knowledge source'), ctx.t('Aan tafel', 'At the table')],
      rows: sources.map((k) => [ctx.text(k.source.label), k.present ? ctx.list(k.teamMemberIds.map((id) => ctx.name(id))) : ctx.t('ontbreekt', 'missing')]),
    },
  });
  const absent = sources.filter((k) => !k.present);
  if (absent.length > 0) {
    blocks.push({
      type: 'missing',
      items: absent.map((k) =>
        ctx.t(
          `${ctx.text(k.source.label)} zit nog niet aan tafel. Zonder alle drie de kennisbronnen mist het team een perspectief.`,
          `${ctx.text(k.source.label)} is not at the table yet. Without all three knowledge sources the team misses a perspective.`,
        ),
      ),
    });
  }
  return [{ id: 'team', level: 1, heading: ctx.t('De organisatie en het team', 'The organisation and the team'), blocks }];
}
