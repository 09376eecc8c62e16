import { diffSnapshots } from '../../model/diffSnapshots';
import type { NodeRecord } from '../../model/schema';
import { coverage } from '../../stakeholders/coverage';
import { diagnose } from '../../stakeholders/diagnostics/index';
import { nodeName } from '../../stakeholders/format';
import { KIND } from '../../stakeholders/kinds/kindIds';
import { readPartner } from '../../stakeholders/kinds/partner';
import { PARTNER_CATEGORY_OPTIONS } from '../../stakeholders/partnerCategories';
import { PARTNER_ROLE_OPTIONS } from '../../stakeholders/partnerRoles';
import { commitmentTotals } from '../../stakeholders/totals';
import { planBudget } from '../planBudget';
import { readPlanData, riskKey } from '../planData';
import { formatPlanDate } from '../planDate';
import { DASH, type DraftBlock, type DraftSection, type PlanContext } from '../planContext';
import type { PlanSince } from '../planDocument';

export type { PlanSince } from '../planDocument';

const NEW_KINDS = [KIND.keyFigure, KIND.place, KIND.partner] as const;

/**
 * What changed since a version, for the quarterly report (step 08): communities reached then and now, new key figures,
 * places and partners (by category and role), committed hours and budget then and now, problems solved and new.
 * Made from the two maps with the same difference the compare view shows.
 */
export function sinceBlocks(ctx: PlanContext, since: PlanSince): DraftBlock[] {
  const then = since.snapshot;
  const now = ctx.snapshot;
  const blocks: DraftBlock[] = [];
  const when = formatPlanDate(new Date(since.createdAt), ctx.lang);
  blocks.push({ type: 'paragraph', text: ctx.t(`Vergeleken met de kaart van “${since.name}” (${when}).`, `Compared with the map of “${since.name}” (${when}).`) });

  // Bereik: communities reached by key figures and places, then and now.
  const reachThen = new Map(coverage(then).communities.map((c) => [c.communityId, c]));
  const reachNow = coverage(now).communities;
  const count = (n: number | undefined) => (n === undefined ? DASH : String(n));
  blocks.push({
    type: 'table',
    table: {
      caption: ctx.t('Bereik per gemeenschap (sleutelfiguren en vindplaatsen)', 'Reach per community (key figures and places)'),
      header: [ctx.t('Gemeenschap', 'Community'), ctx.t('Sleutelfiguren toen', 'Key figures then'), ctx.t('nu', 'now'), ctx.t('Vindplaatsen toen', 'Places then'), ctx.t('nu', 'now')],
      rows: reachNow.map((c) => {
        const t = reachThen.get(c.communityId);
        return [ctx.name(c.communityId), count(t?.keyFigureIds.length), String(c.keyFigureIds.length), count(t?.placeIds.length), String(c.placeIds.length)];
      }),
      numeric: [false, true, true, true, true],
    },
  });

  // New and gone: key figures, places and partners.
  const changes = diffSnapshots(then, now);
  const describe = (n: NodeRecord) => {
    if (n.kind !== KIND.partner) return nodeName(n, ctx.lang);
    const p = readPartner(n);
    const parts = [ctx.option(PARTNER_CATEGORY_OPTIONS, p.category), ctx.option(PARTNER_ROLE_OPTIONS, p.role)].filter(Boolean);
    return parts.length ? `${nodeName(n, ctx.lang)} (${parts.join(', ').toLowerCase()})` : nodeName(n, ctx.lang);
  };
  const KIND_NAME: Record<string, [string, string]> = {
    [KIND.keyFigure]: ['Nieuwe sleutelfiguren', 'New key figures'],
    [KIND.place]: ['Nieuwe vindplaatsen', 'New places'],
    [KIND.partner]: ['Nieuwe partners', 'New partners'],
  };
  const added = changes.flatMap((c) => (c.on === 'node' && c.type === 'added' && (NEW_KINDS as readonly string[]).includes(c.after.kind) ? [c.after] : []));
  const removed = changes.flatMap((c) => (c.on === 'node' && c.type === 'removed' && (NEW_KINDS as readonly string[]).includes(c.before.kind) ? [c.before] : []));
  const items: string[] = [];
  for (const kind of NEW_KINDS) {
    const list = added.filter((n) => n.kind === kind);
    if (list.length) items.push(`${ctx.t(...KIND_NAME[kind])}: ${ctx.list(list.map(describe))}.`);
  }
  if (removed.length) items.push(`${ctx.t('Niet meer betrokken', 'No longer involved')}: ${ctx.list(removed.map(describe))}.`);
  blocks.push(items.length ? { type: 'bullets', items } : { type: 'paragraph', text: ctx.t('Er zijn geen sleutelfiguren, vindplaatsen of partners bijgekomen of weggevallen.', 'No key figures, places or partners were added or dropped.') });

  // Hours and budget, then and now (agreed; proposed apart).
  const thenTotals = commitmentTotals(then);
  const thenData = readPlanData(then);
  const thenBudget = planBudget(then, thenData.info, thenData.costs, thenData.funding);
  blocks.push({
    type: 'table',
    table: {
      caption: ctx.t('Inzet en budget', 'Time and budget'),
      header: ['', ctx.t('Toen', 'Then'), ctx.t('Nu', 'Now')],
      rows: [
        [ctx.t('Afspraken over tijd en rol', 'Commitments'), String(thenTotals.lines.length), String(ctx.totals.lines.length)],
        [ctx.t('Uren in de afspraken (hele project)', 'Hours committed (whole project)'), ctx.hours(thenTotals.totalHours), ctx.hours(ctx.totals.totalHours)],
        [ctx.t('Totale kosten', 'Total costs'), ctx.euro(thenBudget.totalCosts), ctx.euro(ctx.budget.totalCosts)],
        [ctx.t('Dekking', 'Funding'), ctx.euro(thenBudget.totalCovered), ctx.euro(ctx.budget.totalCovered)],
      ],
      numeric: [false, true, true],
    },
  });

  // Problems solved and new, by the same key the risk table uses.
  const problemsThen = diagnose(then).filter((p) => !p.code.startsWith('privacy.') && p.risk !== null);
  const keysNow = new Set(ctx.problems.map(riskKey));
  const keysThen = new Set(problemsThen.map(riskKey));
  const solved = problemsThen.filter((p) => !keysNow.has(riskKey(p)));
  const fresh = ctx.problems.filter((p) => p.risk !== null && !keysThen.has(riskKey(p)));
  const risk = (p: (typeof ctx.problems)[number]) => ctx.text(p.risk ?? p.message);
  if (solved.length) blocks.push({ type: 'paragraph', text: ctx.t(`Opgelost sinds toen (${solved.length}):`, `Solved since then (${solved.length}):`) }, { type: 'bullets', items: solved.map(risk) });
  if (fresh.length) blocks.push({ type: 'paragraph', text: ctx.t(`Nieuw sinds toen (${fresh.length}):`, `New since then (${fresh.length}):`) }, { type: 'bullets', items: fresh.map(risk) });
  if (!solved.length && !fresh.length) blocks.push({ type: 'paragraph', text: ctx.t('De open punten zijn dezelfde als toen.', 'The open issues are the same as then.') });
  return blocks;
}

/** The comparison as a part of the monitoring chapter. */
export function sinceSection(ctx: PlanContext, since: PlanSince | undefined): DraftSection[] {
  if (!since) return [];
  const when = formatPlanDate(new Date(since.createdAt), ctx.lang);
  return [{ id: 'monitoring-sinds', level: 2, heading: ctx.t(`Sinds “${since.name}” (${when})`, `Since “${since.name}” (${when})`), blocks: sinceBlocks(ctx, since) }];
}
