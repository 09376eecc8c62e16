import { KIND } from '../../stakeholders/kinds/kindIds';
import { readPartner } from '../../stakeholders/kinds/partner';
import { readPlace } from '../../stakeholders/kinds/place';
import { placesOf } from '../../stakeholders/links';
import { PARTNER_CATEGORY_OPTIONS } from '../../stakeholders/partnerCategories';
import { PARTNER_ROLE_OPTIONS } from '../../stakeholders/partnerRoles';
import { DASH, orDash, type PlanContext } from '../planContext';
import type { DraftBlock, DraftSection } from '../planContext';

/** Het lokale speelveld: places, partners by role and by category, and the categories still missing (steps 03, 04, 07). */
export function speelveldSection(ctx: PlanContext): DraftSection[] {
  const heading = ctx.t('Het lokale speelveld', 'The local field');
  const intro: DraftBlock = {
    type: 'paragraph',
    text: ctx.t(
      'Waar mensen al samenkomen, en welke organisaties naar ons verwijzen, naar wie wij doorverwijzen, met wie we samenwerken en met wie we kennis delen.',
      'Where people already meet, and which organisations refer to us, whom we refer to, whom we collaborate with and with whom we share knowledge.',
    ),
  };

  // Places: which communities meet there (relations and the community's own list both count).
  const meets = new Map<string, string[]>();
  for (const c of ctx.ofKind(KIND.community)) for (const p of placesOf(ctx.snapshot, c.id)) meets.set(p, [...(meets.get(p) ?? []), ctx.name(c.id)]);
  const places = ctx.ofKind(KIND.place).map(readPlace);
  const placeBlocks: DraftBlock[] = places.length
    ? [{
        type: 'table',
        table: {
          header: [ctx.t('Vindplaats', 'Place'), ctx.t('Soort', 'Type'), ctx.t('Wie komt er samen', 'Who meets there')],
          rows: places.map((p) => [ctx.name(p.id), orDash(p.placeType), orDash((meets.get(p.id) ?? []).join(', '))]),
        },
      }]
    : [{ type: 'missing', items: [ctx.t('Nog geen vindplaatsen op de kaart: waar komen mensen al samen (moskee, kerk, buurthuis, huisarts, vrouwengroep, markt)?', 'No places on the map yet: where do people already meet (mosque, church, community centre, GP, women’s group, market)?')] }];

  const partners = ctx.ofKind(KIND.partner).map(readPartner);
  const partnerBlocks: DraftBlock[] = [];
  if (partners.length === 0) {
    partnerBlocks.push({ type: 'missing', items: [ctx.t('Nog geen partners op de kaart (stap 07).', 'No partners on the map yet (step 07).')] });
  } else {
    partnerBlocks.push({
      type: 'table',
      table: {
        header: [ctx.t('Partner', 'Partner'), ctx.t('Categorie', 'Category'), ctx.t('Rol', 'Role'), ctx.t('Contactpersoon', 'Contact person')],
        rows: partners.map((p) => [ctx.name(p.id), orDash(ctx.option(PARTNER_CATEGORY_OPTIONS, p.category)), orDash(ctx.option(PARTNER_ROLE_OPTIONS, p.role)), orDash(p.contactPerson)]),
      },
    });
  }

  const byRole: DraftBlock[] = [
    {
      type: 'table',
      table: {
        header: [ctx.t('Rol', 'Role'), ctx.t('Partners', 'Partners')],
        rows: ctx.coverage.roles.map((r) => [ctx.text(r.role.label), orDash(r.nodeIds.map((id) => ctx.name(id)).join(', '))]),
      },
    },
  ];
  const noRole = partners.filter((p) => p.role === null);
  if (noRole.length > 0) {
    byRole.push({ type: 'missing', items: noRole.map((p) => ctx.t(`${ctx.name(p.id)} heeft nog geen rol.`, `${ctx.name(p.id)} has no role yet.`)) });
  }
  const emptyRoles = ctx.coverage.roles.filter((r) => r.nodeIds.length === 0);
  if (emptyRoles.length > 0) {
    byRole.push({ type: 'missing', items: emptyRoles.map((r) => ctx.t(`Nog geen partner in de rol ${ctx.text(r.role.label).toLowerCase()}.`, `No partner in the role ${ctx.text(r.role.label).toLowerCase()} yet.`)) });
  }

  const byCategory: DraftBlock[] = [
    {
      type: 'table',
      table: {
        header: [ctx.t('Categorie', 'Category'), ctx.t('Partners', 'Partners')],
        rows: ctx.coverage.categories.map((c) => [ctx.text(c.category.label), c.missing ? DASH : c.nodeIds.map((id) => ctx.name(id)).join(', ')]),
      },
    },
  ];
  const missingCategories = ctx.coverage.categories.filter((c) => c.missing);
  if (missingCategories.length > 0) {
    byCategory.push({
      type: 'missing',
      items: missingCategories.map((c) =>
        ctx.t(
          `Categorie ${ctx.text(c.category.label)} ontbreekt nog, bijvoorbeeld: ${c.suggestions.slice(0, 4).join(', ').toLowerCase()}.`,
          `Category ${ctx.text(c.category.label)} is still missing, for example: ${c.suggestions.slice(0, 4).join(', ').toLowerCase()}.`,
        ),
      ),
    });
  }

  return [
    { id: 'speelveld', level: 1, heading, blocks: [intro] },
    { id: 'speelveld-vindplaatsen', level: 2, heading: ctx.t('Vindplaatsen', 'Places'), blocks: placeBlocks },
    { id: 'speelveld-partners', level: 2, heading: ctx.t('Partners', 'Partners'), blocks: partnerBlocks },
    { id: 'speelveld-rollen', level: 2, heading: ctx.t('Partners per rol', 'Partners by role'), blocks: byRole },
    { id: 'speelveld-categorieen', level: 2, heading: ctx.t('Partners per categorie', 'Partners by category'), blocks: byCategory },
  ];
}
