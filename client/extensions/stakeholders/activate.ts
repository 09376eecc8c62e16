import { lazy, type ComponentType } from 'react';
import type { ExtensionContext, MantelkaartApi, ViewProps } from '../../host/api';
import { registerCommands } from './commands/registerCommands';
import { stakeholderDiagnostics } from './diagnostics/stakeholderDiagnostics';
import { syncDimming } from './find/syncDimming';
import { ID } from './ids';
import { createNodeBodies } from './nodes';
import { StakeholderState } from './state';
import { createCoverageView } from './views/CoverageView';
import { createFindView } from './views/FindView';
import { createInspectorView } from './views/InspectorView';
import './views/views.css';
import { registerPlanExport } from './export/registerPlanExport';

/**
 * A view whose code loads when it is first opened: the commitments table, the CSV import (with its parser) and the
 * project plan are editing tools most phones on a view link never open.
 */
function lazyView(load: () => Promise<ComponentType<ViewProps>>): ComponentType<ViewProps> {
  return lazy(async () => ({ default: await load() }));
}

/** Registers the behaviour behind the manifest; every registration is disposed with the extension. */
export function activate(context: ExtensionContext, api: MantelkaartApi): void {
  const state = new StakeholderState(api);
  const findFocus = { seq: 0 };
  const subs = context.subscriptions;
  subs.push(state);

  for (const [kind, body] of Object.entries(createNodeBodies(state))) subs.push(api.nodeKinds.registerNodeBody(kind, body));

  subs.push(
    api.window.registerViewProvider(ID.view.inspector, createInspectorView(api, state)),
    api.window.registerViewProvider(ID.view.commitments, lazyView(async () => (await import('./views/CommitmentsView')).createCommitmentsView(api, state))),
    api.window.registerViewProvider(ID.view.coverage, createCoverageView(api, state)),
    api.window.registerViewProvider(ID.view.find, createFindView(api, state, findFocus)),
    api.window.registerViewProvider(ID.view.importCsv, lazyView(async () => (await import('./import/CsvImportView')).createCsvImportView(api))),
    api.window.registerViewProvider(ID.view.plan, lazyView(async () => (await import('./plan/PlanView')).createPlanView(api, state))),
    // The plan is a document to write: it gets the whole editor area, the map stays loaded behind it.
    api.commands.registerCommand(ID.cmd.openPlan, () => api.window.openView(ID.view.plan, { maximize: true })),
    api.diagnostics.registerDiagnosticProvider(ID.diagnostics, stakeholderDiagnostics),
    ...registerCommands(api, state, findFocus),
    syncDimming(api, state),
    api.map.onDidChangeSelection((e) => api.setContext(ID.ctx.edgeSelected, e.edgeIds.length > 0 && e.nodeIds.length === 0)),
  );
  registerPlanExport(context, api);
}
