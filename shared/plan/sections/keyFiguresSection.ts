import { KIND } from '../../stakeholders/kinds/kindIds';
import { readKeyFigure } from '../../stakeholders/kinds/keyFigure';
import { keyFiguresOf } from '../../stakeholders/links';
import { DASH, orDash, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';

/** Sleutelfiguren en bereik: who reaches whom, at what capacity, and how each community is reached (step 04). */
export function keyFiguresSection(ctx: PlanContext): DraftSection[] {
  const blocks: DraftBlock[] = [];
  const figures = ctx.ofKind(KIND.keyFigure).map(readKeyFigure);
  const reached = new Map<string, string[]>();
  for (const c of ctx.ofKind(KIND.community)) for (const k of keyFiguresOf(ctx.snapshot, c.id)) reached.set(k, [...(reached.get(k) ?? []), ctx.name(c.id)]);

  if (figures.length === 0) {
    blocks.push({ type: 'missing', items: [ctx.t('Nog geen sleutelfiguren op de kaart: wie wordt vertrouwd binnen elke gemeenschap?', 'No key figures on the map yet: who is trusted inside each community?')] });
  } else {
    const header = [
      ctx.t('Sleutelfiguur', 'Key figure'), ctx.t('Bereikt', 'Reaches'), ctx.t('Talen', 'Languages'),
      ctx.t('Vrijwillig of betaald', 'Volunteer or paid'), ctx.t('Uurtarief', 'Hourly rate'), ctx.t('Capaciteit (uur/maand)', 'Capacity (h/month)'),
    ];
    if (ctx.showPrivate) header.push(ctx.t('Telefoon', 'Phone'), ctx.t('E-mail', 'E-mail'));
    blocks.push({
      type: 'table',
      table: {
        header,
        rows: figures.map((k) => {
          const engagement = k.engagement === 'betaald' ? ctx.t('betaald', 'paid') : k.engagement === 'vrijwilliger' ? ctx.t('vrijwilliger', 'volunteer') : DASH;
          const row = [
            k.designation ? `${ctx.name(k.id)} (${k.designation})` : ctx.name(k.id),
            orDash((reached.get(k.id) ?? []).join(', ')),
            orDash(k.languages.join(', ')),
            engagement,
            k.hourlyRate === null ? DASH : ctx.euro(k.hourlyRate),
            k.capacityHoursPerMonth === null ? DASH : ctx.hours(k.capacityHoursPerMonth),
          ];
          if (ctx.showPrivate) row.push(orDash(ctx.privateText(k.id, 'phone')), orDash(ctx.privateText(k.id, 'email')));
          return row;
        }),
        numeric: [false, false, false, false, true, true, false, false],
      },
    });
    const noCapacity = figures.filter((k) => k.capacityHoursPerMonth === null);
    if (noCapacity.length > 0) {
      blocks.push({ type: 'missing', items: noCapacity.map((k) => ctx.t(`${ctx.name(k.id)}: nog geen capaciteit afgesproken (uur per maand).`, `${ctx.name(k.id)}: no capacity agreed yet (hours per month).`)) });
    }
  }

  const reach: DraftBlock[] = [];
  const communities = ctx.coverage.communities;
  if (communities.length === 0) {
    reach.push({ type: 'missing', items: [ctx.t('Nog geen gemeenschappen op de kaart.', 'No communities on the map yet.')] });
  } else {
    reach.push({
      type: 'table',
      table: {
        header: [ctx.t('Gemeenschap', 'Community'), ctx.t('Sleutelfiguren', 'Key figures'), ctx.t('Vindplaatsen', 'Places'), ctx.t('Aanbod', 'Offers')],
        rows: communities.map((c) => [
          ctx.name(c.communityId),
          orDash(c.keyFigureIds.map((id) => ctx.name(id)).join(', ')),
          orDash(c.placeIds.map((id) => ctx.name(id)).join(', ')),
          orDash([...c.offersByPhase.bereiken, ...c.offersByPhase.binden, ...c.offersByPhase.borgen, ...c.offersWithoutPhase].map((id) => ctx.name(id)).join(', ')),
        ]),
      },
    });
    const gaps: string[] = [];
    for (const c of communities) {
      const name = ctx.name(c.communityId);
      if (c.keyFigureIds.length === 0) gaps.push(ctx.t(`${name}: nog geen sleutelfiguur; deze gemeenschap is nog niet echt bereikt.`, `${name}: no key figure yet; this community is not really reached.`));
      else if (c.keyFigureIds.length === 1) gaps.push(ctx.t(`${name}: maar één sleutelfiguur; het contact hangt van één persoon af.`, `${name}: only one key figure; contact depends on one person.`));
      if (c.placeIds.length === 0) gaps.push(ctx.t(`${name}: nog geen vindplaats bekend.`, `${name}: no known meeting place yet.`));
    }
    if (gaps.length > 0) reach.push({ type: 'missing', items: gaps });
  }

  return [
    { id: 'sleutelfiguren', level: 1, heading: ctx.t('Sleutelfiguren en bereik', 'Key figures and reach'), blocks },
    { id: 'sleutelfiguren-bereik', level: 2, heading: ctx.t('Hoe elke gemeenschap wordt bereikt', 'How each community is reached'), blocks: reach },
  ];
}
