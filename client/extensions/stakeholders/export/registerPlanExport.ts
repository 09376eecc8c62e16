import { createElement } from 'react';
import type { ExtensionContext, MantelkaartApi } from '../../../host/api';

/** The plan model, its renderers and the dialog load when someone exports: a view link on a phone rarely does. */
const planExport = () => Promise.all([import('./planFiles'), import('./PlanExportDialog'), import('../../../../shared/plan/renderPlanMarkdown')]);

/** Ids declared in the manifest (commands, exporters) for the project plan. */
export const PLAN_EXPORT_IDS = {
  command: 'stakeholders.exportPlan',
  docxExporter: 'stakeholders.planDocx',
  markdownExporter: 'stakeholders.planMarkdown',
} as const;

/**
 * The project plan export: the "Projectplan exporteren…" command with its dialog, and the plan as Word and Markdown
 * in the host's Export… list (there with the defaults: the UI language, no contact details, the map picture in Word).
 */
export function registerPlanExport(context: ExtensionContext, api: MantelkaartApi): void {
  context.subscriptions.push(
    api.commands.registerCommand(PLAN_EXPORT_IDS.command, async () => {
      // The versions to compare with; without a connection the plan is still made, just without that choice.
      const [versions, [{ exportPlan }, { PlanExportDialog }]] = await Promise.all([api.map.listVersions().catch(() => []), planExport()]);
      return api.window.showDialog<void>((close) =>
        createElement(PlanExportDialog, {
          ui: api.ui,
          versions,
          localize: api.localize,
          language: api.language,
          allowPrivate: api.map.mayExportPrivate,
          hasNodes: api.map.getNodes().length > 0,
          onExport: (options) => exportPlan(api, options),
          close: () => close(),
        }),
      );
    }),
    api.exporters.registerExporter(PLAN_EXPORT_IDS.docxExporter, {
      export: async (_map, { language }) => {
        const [{ mapPng, planDocx, planOf }] = await planExport();
        const png = await mapPng(api);
        return planDocx(planOf(api, language, false, undefined, png !== undefined), png);
      },
    }),
    api.exporters.registerExporter(PLAN_EXPORT_IDS.markdownExporter, {
      export: async (_map, { language }) => {
        const [{ planOf }, , { renderPlanMarkdown }] = await planExport();
        return renderPlanMarkdown(planOf(api, language, false));
      },
    }),
  );
}
