import type { ExtensionContext, MantelkaartApi } from '../../host/api';
import { STAKEHOLDER_KINDS } from '../../../shared/stakeholders/kinds/index';
import { KIND } from '../../../shared/stakeholders/kinds/kindIds';
import { nodeIdsField, objectArg } from './commands/args';
import { fitWhenDrawn } from './commands/registerCommands';
import { typeNewRelations } from './commands/typeNewRelations';
import { ID } from './ids';
import { autoLayout } from './layout/autoLayout';

const BACKGROUND_KINDS = new Set(STAKEHOLDER_KINDS.filter((k) => k.background).map((k) => k.id));

/**
 * The stakeholder workspace's editing tools that a view link never needs: automatic layout (with its graph-layout
 * library), typing new relations as they are drawn, and voting on the offers. The host loads this module only for
 * edit and owner links (ExtensionModule.editing).
 */
export function activate(context: ExtensionContext, api: MantelkaartApi): void {
  const layout = (only?: Set<string>) => {
    const positions = autoLayout(api.map.getNodes(), api.map.getEdges(), { only, fixedKinds: BACKGROUND_KINDS });
    if (positions.size === 0) {
      api.window.showMessage({ nl: 'Niets te schikken: alles is vastgezet.', en: 'Nothing to arrange: everything is pinned.' });
      return;
    }
    // One transaction: one undo step, one update for everyone else.
    api.map.transact(() => {
      for (const [id, p] of positions) api.map.updateNode(id, p);
    });
    if (!only) fitWhenDrawn(api);
  };
  context.subscriptions.push(
    api.commands.registerCommand(ID.cmd.layoutAll, () => layout()),
    api.commands.registerCommand(ID.cmd.layoutSelection, (arg) => layout(new Set(nodeIdsField(objectArg(arg)) ?? api.map.getSelection()))),
    // Stappenplan step 06: the group chooses which support to take up first, with dots on every offer.
    api.commands.registerCommand(ID.cmd.voteOnOffers, () =>
      api.commands.executeCommand('core.startVote', { kind: KIND.offer, question: api.localize({ nl: 'Welke ondersteuning pakken we als eerste op?', en: 'Which support do we take up first?' }) }),
    ),
    typeNewRelations(api),
  );
}
