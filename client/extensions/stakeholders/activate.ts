import type { ExtensionContext, MantelkaartApi } from '../../host/api';
import { registerCommands } from './commands/registerCommands';
import { typeNewRelations } from './commands/typeNewRelations';
import { stakeholderDiagnostics } from './diagnostics/stakeholderDiagnostics';
import { syncDimming } from './find/syncDimming';
import { ID } from './ids';
import { createCsvImportView } from './import/CsvImportView';
import { createNodeBodies } from './nodes';
import { StakeholderState } from './state';
import { createCommitmentsView } from './views/CommitmentsView';
import { createCoverageView } from './views/CoverageView';
import { createFindView } from './views/FindView';
import { createInspectorView } from './views/InspectorView';
import './views/views.css';
import { registerPlanExport } from './export/registerPlanExport';
import { createPlanView } from './plan/PlanView';

/** Registers the behaviour behind the manifest; every registration is disposed with the extension. */
export function activate(context: ExtensionContext, api: MantelkaartApi): void {
  const state = new StakeholderState(api);
  const findFocus = { seq: 0 };
  const subs = context.subscriptions;
  subs.push(state);

  for (const [kind, body] of Object.entries(createNodeBodies(state))) subs.push(api.nodeKinds.registerNodeBody(kind, body));

  subs.push(
    api.window.registerViewProvider(ID.view.inspector, createInspectorView(api, state)),
    api.window.registerViewProvider(ID.view.commitments, createCommitmentsView(api, state)),
    api.window.registerViewProvider(ID.view.coverage, createCoverageView(api, state)),
    api.window.registerViewProvider(ID.view.find, createFindView(api, state, findFocus)),
    api.window.registerViewProvider(ID.view.importCsv, createCsvImportView(api)),
    api.window.registerViewProvider(ID.view.plan, createPlanView(api, state)),
    // The plan is a document to write: it gets the whole editor area, the map stays loaded behind it.
    api.commands.registerCommand(ID.cmd.openPlan, () => api.window.openView(ID.view.plan, { maximize: true })),
    api.diagnostics.registerDiagnosticProvider(ID.diagnostics, stakeholderDiagnostics),
    ...registerCommands(api, state, findFocus),
    syncDimming(api, state),
    typeNewRelations(api),
    api.map.onDidChangeSelection((e) => api.setContext(ID.ctx.edgeSelected, e.edgeIds.length > 0 && e.nodeIds.length === 0)),
  );
  registerPlanExport(context, api);
}
