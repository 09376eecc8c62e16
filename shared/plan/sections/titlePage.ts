import { KNOWLEDGE_SOURCE_OPTIONS } from '../../stakeholders/knowledgeSources';
import { KIND } from '../../stakeholders/kinds/kindIds';
import { readTeamMember } from '../../stakeholders/kinds/teamMember';
import { PLAN_STATUS_OPTIONS } from '../planData';
import { orDash, type DraftBlock, type PlanContext } from '../planContext';
import type { PlanTable, PlanTitlePage } from '../planDocument';

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

/** The contact person as a funder needs them: name and organisation, phone and e-mail only when ticked in (AVG). */
function contactText(ctx: PlanContext, id: string): string {
  const node = ctx.nodes.get(id);
  if (!node) return '';
  const parts = [ctx.name(id)];
  if (node.kind === KIND.teamMember) {
    const org = readTeamMember(node).organisation;
    if (org) parts[0] += ` (${org})`;
  }
  if (ctx.showPrivate) parts.push(...[ctx.privateText(id, 'phone'), ctx.privateText(id, 'email')].filter(Boolean));
  return parts.join(', ');
}

/** The first page: the plan's own title, what kind of plan it is, the date, and version, status, authors and contact. */
export function titlePage(ctx: PlanContext, date: string): PlanTitlePage {
  const { info } = ctx.data;
  const facts: [string, string][] = [];
  if (info.client) facts.push([ctx.t('Voor', 'For'), info.client]);
  if (info.version) facts.push([ctx.t('Versie', 'Version'), info.version]);
  facts.push([ctx.t('Status', 'Status'), ctx.option(PLAN_STATUS_OPTIONS, info.status).toLowerCase()]);
  if (info.authors) facts.push([ctx.t('Auteurs', 'Authors'), info.authors]);
  const contact = info.contact ? contactText(ctx, info.contact) : '';
  if (contact) facts.push([ctx.t('Contactpersoon', 'Contact person'), contact]);
  const blocks: DraftBlock[] = [{ type: 'facts', items: facts }];
  const missing: string[] = [];
  if (!info.title) missing.push(ctx.t('Het plan heeft nog geen eigen titel.', 'The plan has no title of its own yet.'));
  if (!info.authors) missing.push(ctx.t('Nog geen auteurs genoemd.', 'No authors named yet.'));
  if (!contact) missing.push(ctx.t('Nog geen contactpersoon gekozen.', 'No contact person chosen yet.'));
  if (missing.length) blocks.push({ type: 'missing', items: missing });
  return {
    title: info.title || ctx.t('Projectplan', 'Project plan'),
    subtitle: ctx.t(
      'Mantelzorgers met een migratieachtergrond bereiken en ondersteunen',
      'Reaching and supporting informal caregivers with a migration background',
    ),
    date,
    blocks: blocks as PlanTitlePage['blocks'],
  };
}
