import { KNOWLEDGE_SOURCE_OPTIONS } from '../../stakeholders/knowledgeSources';
import { KIND } from '../../stakeholders/kinds/kindIds';
import { readTeamMember } from '../../stakeholders/kinds/teamMember';
import { participatingOrganisations } from '../../stakeholders/participatingOrganisations';
import { orDash, type PlanContext } from '../planContext';
import type { PlanBlock, PlanTable, PlanTitlePage } from '../planDocument';

/** The team at the table: name, organisation and knowledge source, with contact details only when ticked in. */
export function teamTable(ctx: PlanContext): PlanTable | null {
  const members = ctx.ofKind(KIND.teamMember);
  if (members.length === 0) return null;
  const header = [ctx.t('Naam', 'Name'), ctx.t('Organisatie', 'Organisation'), ctx.t('Kennisbron', 'Knowledge source')];
  if (ctx.showPrivate) header.push(ctx.t('Telefoon', 'Phone'), ctx.t('E-mail', 'E-mail'));
  const rows = members.map((n) => {
    const m = readTeamMember(n);
    const organisation = m.organisation || (m.organisationType === 'mantelzorger' ? ctx.t('mantelzorger', 'informal caregiver') : '');
    const row = [ctx.name(n.id), orDash(organisation), orDash(ctx.list(m.knowledgeSources.map((s) => ctx.option(KNOWLEDGE_SOURCE_OPTIONS, s))))];
    if (ctx.showPrivate) row.push(orDash(ctx.privateText(n.id, 'phone')), orDash(ctx.privateText(n.id, 'email')));
    return row;
  });
  return { header, rows };
}

export function titlePage(ctx: PlanContext, date: string): PlanTitlePage {
  const blocks: PlanBlock[] = [];
  const team = teamTable(ctx);
  if (team) {
    blocks.push({ type: 'paragraph', text: ctx.t('Het team van de lerende praktijk:', 'The team of the learning practice:') });
    blocks.push({ type: 'table', table: team });
    const orgs = participatingOrganisations(ctx.snapshot).map((o) => o.name);
    if (orgs.length > 0) blocks.push({ type: 'paragraph', text: `${ctx.t('Deelnemende organisaties', 'Participating organisations')}: ${ctx.list(orgs)}.` });
  } else {
    blocks.push({ type: 'missing', items: [ctx.t('Er staat nog geen team op de kaart: zet de deelnemers aan tafel erop, met hun organisatie en kennisbron.', 'No team is on the map yet: add the people at the table, with their organisation and knowledge source.')] });
  }
  return {
    title: ctx.snapshot.meta.title.trim() || ctx.t('Projectplan', 'Project plan'),
    subtitle: ctx.t(
      'Projectplan: mantelzorgers met een migratieachtergrond bereiken en ondersteunen',
      'Project plan: reaching and supporting informal caregivers with a migration background',
    ),
    date,
    blocks,
  };
}
