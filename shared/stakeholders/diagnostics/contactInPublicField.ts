import type { FieldValue, MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { findContactDetails } from '../contactText';
import { nodeName } from '../format';
import { kindSpec } from '../kinds';
import type { Problem, QuickFix } from './problem';

const WORD = { phone: { nl: 'een telefoonnummer', en: 'a phone number' }, email: { nl: 'een e-mailadres', en: 'an e-mail address' } };

/** The card's text fields everyone sees: the label, and every text field of its kind that is not private. */
function publicTexts(kind: string, label: string, data: Record<string, FieldValue>): { field: string; title: { nl: string; en: string }; text: string }[] {
  const out = [{ field: 'label', title: { nl: 'naam', en: 'name' }, text: label }];
  for (const f of kindSpec(kind)?.fields ?? []) {
    if (f.private || (f.type !== 'text' && f.type !== 'longtext')) continue;
    const v = data[f.key];
    if (typeof v === 'string' && v) out.push({ field: f.key, title: { nl: f.label.nl.toLowerCase(), en: f.label.en.toLowerCase() }, text: v });
  }
  return out;
}

/**
 * AVG: a phone number or e-mail address typed into a public field (Contactpersoon, a note, a label: "POH mw.
 * Jansen, 06-98765432") goes to everyone with the view link and into every export. Offers to move it into the
 * card's private field where the kind has one, or else to take it out.
 */
export function contactInPublicField(snapshot: MapSnapshot): Problem[] {
  const problems: Problem[] = [];
  for (const node of snapshot.nodes) {
    const privateKeys = new Set((kindSpec(node.kind)?.fields ?? []).filter((f) => f.private).map((f) => f.key));
    for (const { field, title, text } of publicTexts(node.kind, node.label, node.data)) {
      for (const match of findContactDetails(text)) {
        const target = privateKeys.has(match.kind) ? match.kind : null;
        const fix: QuickFix = target
          ? { title: { nl: `Naar het afgeschermde veld verplaatsen`, en: `Move to the protected field` }, command: STAKEHOLDER_COMMANDS.moveContactToPrivate, args: { nodeId: node.id, field, value: match.value, target } }
          : { title: { nl: `Uit ${title.nl} halen`, en: `Remove from ${title.en}` }, command: STAKEHOLDER_COMMANDS.moveContactToPrivate, args: { nodeId: node.id, field, value: match.value, target: null } };
        const where = target
          ? { nl: 'Zet het in het afgeschermde veld van de kaart: dat zien alleen mensen met een bewerklink.', en: 'Put it in the card’s protected field, which only people with an edit link see.' }
          : { nl: 'Deze kaart heeft geen afgeschermd veld; bewaar contactgegevens buiten de kaart of op de kaart van de persoon zelf.', en: 'This card has no protected field; keep contact details off the map or on the person’s own card.' };
        problems.push({
          code: 'privacy.contactInPublicField',
          severity: 'warning',
          message: {
            // The value itself stays out of the message: messages are shown and logged where the field is not.
            nl: `In ${title.nl} van ${nodeName(node, 'nl')} staat ${WORD[match.kind].nl}. Iedereen met de bekijklink ziet dat, en het komt in elke export. ${where.nl}`,
            en: `The ${title.en} of ${nodeName(node, 'en')} holds ${WORD[match.kind].en}. Everyone with the view link sees it, and it goes into every export. ${where.en}`,
          },
          nodeIds: [node.id],
          quickFixes: [fix],
        });
      }
    }
  }
  return problems;
}
