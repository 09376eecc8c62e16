import type { ExtensionModule, QuickPickItem } from '../api';
import type { HostServices } from '../HostServices';
import { ExtensionsView } from '../ui/ExtensionsView';
import { ProblemsView } from '../ui/ProblemsView';
import { lazy } from 'react';
import { registerParticipation } from '../participation/registerParticipation';
import { coreManifest } from './coreManifest';
import { downloadExport } from './downloadExport';
import type { EditorActions } from './EditorActions';

function positionArg(arg: unknown): { x: number; y: number } | undefined {
  if (typeof arg !== 'object' || arg === null || !('position' in arg)) return undefined;
  const p = arg.position;
  return typeof p === 'object' && p !== null && 'x' in p && 'y' in p && typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : undefined;
}

function focusedNodeId(): string | null {
  const el = typeof document === 'undefined' ? null : document.activeElement;
  return el instanceof Element ? (el.closest('.react-flow__node')?.getAttribute('data-id') ?? null) : null;
}

/**
 * The host's own commands and views, registered through the same API as any extension. It also reaches into
 * workbench services (layout, palette, context menus) that are not part of the public API.
 */
// The versions view brings the map-file gate (to read a version) with it: it loads when first opened.
const VersionsView = lazy(() => import('../ui/VersionsView').then((m) => ({ default: m.VersionsView })));

export function createCoreExtension(services: HostServices, editor: EditorActions): ExtensionModule {
  return {
    manifest: coreManifest,
    activate(context, api) {
      const { layout, session } = services;
      const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(api.commands.registerCommand(id, fn));
      const t = api.localize;
      let problemIndex = -1;

      register('core.commandPalette', () => services.quickInput.showCommands());
      register('core.toggleSideBar', () => layout.update({ sideBarVisible: !layout.get().sideBarVisible }));
      register('core.togglePanel', () => layout.update({ panelVisible: !layout.get().panelVisible }));
      register('core.showProblems', () => api.window.openView('core.problems'));
      register('core.openView', async () => {
        const views = services.views.all();
        const picked = await api.window.showQuickPick(
          views.map((v) => ({ label: t(v.declaration.title), description: t(v.declaration.location === 'sidebar' ? { nl: 'Zijbalk', en: 'Side bar' } : { nl: 'Paneel', en: 'Panel' }), id: v.id })),
          { placeholder: t({ nl: 'Welke weergave?', en: 'Which view?' }) },
        );
        if (picked) api.window.openView(picked.id);
      });
      register('core.nextProblem', () => {
        const problems = api.diagnostics.getProblems().filter((p) => p.nodeIds?.length);
        if (problems.length === 0) return api.window.showMessage({ nl: 'Geen problemen op deze kaart.', en: 'No problems on this map.' });
        problemIndex = (problemIndex + 1) % problems.length;
        const p = problems[problemIndex];
        api.canvas.revealNodes(p.nodeIds ?? [], { select: true });
        api.window.showMessage(p.message, p.severity);
      });
      register('core.zoomToFit', () => api.canvas.fitView());
      register('core.contextMenu', () => {
        const selected = session.selection.get();
        const el = selected.length ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(selected[0])}"]`) : null;
        const editor = document.querySelector<HTMLElement>('.mk-editor');
        const rect = (el ?? editor)?.getBoundingClientRect();
        const at = rect ? { x: rect.left + (el ? rect.width / 2 : rect.width / 2), y: rect.top + (el ? rect.height : rect.height / 2) } : { x: 200, y: 200 };
        const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        if (selected.length) services.contextMenu.open({ menu: 'node/context', ...at, arg: { nodeIds: [...selected] }, returnFocus });
        else services.contextMenu.open({ menu: 'canvas/context', ...at, arg: { position: api.canvas.getCenter() }, returnFocus });
      });
      register('core.addNote', (arg) => editor.createNote(positionArg(arg)));
      register('core.addNode', async (arg) => {
        const kinds = api.nodeKinds.all();
        const items: (QuickPickItem & { kind: string })[] = [
          { label: t({ nl: 'Notitie', en: 'Note' }), kind: 'note' },
          ...kinds.map((k) => ({ label: t(k.title), kind: k.id })),
        ];
        const picked = await api.window.showQuickPick(items, { placeholder: t({ nl: 'Wat voor element?', en: 'What kind of element?' }) });
        if (!picked) return;
        if (picked.kind === 'note') return editor.createNote(positionArg(arg));
        const at = positionArg(arg) ?? api.canvas.getCenter();
        const size = api.nodeKinds.get(picked.kind)?.defaultSize ?? { width: 180, height: 64 };
        const id = api.map.createNode({ kind: picked.kind, x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2), label: '' });
        api.map.setSelection([id]);
        editor.editLabel(id);
      });
      register('core.editLabel', () => {
        const id = focusedNodeId() ?? (session.selection.get().length === 1 ? session.selection.get()[0] : null);
        if (id) {
          session.selection.set([id]);
          editor.editLabel(id);
        }
      });
      register('core.connectSelection', async (arg) => {
        const ids = nodeIdsArg(arg) ?? [...session.selection.get()];
        if (ids.length !== 2) return api.window.showMessage({ nl: 'Selecteer precies twee elementen om ze te verbinden.', en: 'Select exactly two elements to connect them.' }, 'warning');
        const [a, b] = ids.map((id) => api.map.getNode(id));
        if (!a || !b) return;
        const kinds = [...api.edgeKinds.kindsFor(a.kind, b.kind).map((k) => ({ k, source: a.id, target: b.id })), ...api.edgeKinds.kindsFor(b.kind, a.kind).map((k) => ({ k, source: b.id, target: a.id }))];
        if (kinds.length === 0) return void api.map.createEdge({ source: a.id, target: b.id });
        const picked = await api.window.showQuickPick(
          kinds.map((x) => ({ label: t(x.k.title), description: `${api.map.getNode(x.source)?.label || '…'} → ${api.map.getNode(x.target)?.label || '…'}`, ...x })),
          { placeholder: t({ nl: 'Welke relatie?', en: 'Which relation?' }) },
        );
        if (picked) api.map.createEdge({ source: picked.source, target: picked.target, kind: picked.k.id });
      });
      register('core.deleteSelection', () => editor.deleteSelection());
      register('core.selectAll', () => api.map.setSelection(api.map.getNodes().map((n) => n.id)));
      register('core.clearSelection', () => api.map.setSelection([]));
      register('core.undo', () => session.undo());
      register('core.redo', () => session.redo());
      register('core.export', async () => {
        const exporters = services.exporters.implemented();
        if (exporters.length === 0) return api.window.showMessage({ nl: 'Er zijn (nog) geen exportformaten beschikbaar.', en: 'No export formats are available (yet).' }, 'warning');
        const picked = await api.window.showQuickPick(
          exporters.map((e) => ({ label: t(e.declaration.title), description: `.${e.declaration.fileExtension}`, e })),
          { placeholder: t({ nl: 'Naar welk formaat?', en: 'To which format?' }) },
        );
        if (!picked) return;
        const data = await picked.e.implementation.export(api.map.snapshot(), { language: api.language });
        downloadExport(data, api.map.getMeta().title || 'mantelkaart', picked.e.declaration.fileExtension, picked.e.declaration.mimeType);
      });
      register('core.share', () => {
        if (editor.share) editor.share();
        else api.window.showMessage({ nl: 'Delen kan hier niet.', en: 'Sharing is not available here.' }, 'warning');
      });
      register('core.deleteMap', () => {
        if (editor.deleteMap) editor.deleteMap();
        else api.window.showMessage({ nl: 'Alleen de beheerder van de kaart kan hem verwijderen.', en: 'Only the map’s owner can delete it.' }, 'warning');
      });
      register('core.deleteCompletely', async (arg) => {
        if (!editor.deleteNodesCompletely) return api.window.showMessage({ nl: 'Alleen de beheerder kan iemand volledig verwijderen.', en: 'Only the owner can delete someone completely.' }, 'warning');
        const ids = nodeIdsArg(arg) ?? api.map.getSelection();
        const names = ids.map((id) => api.map.getNode(id)?.label || '…');
        if (ids.length === 0) return;
        // Undo cannot bring this back (the server also wipes the stored history), so the person confirms first.
        const picked = await api.window.showQuickPick(
          [
            { label: t({ nl: `Ja, ${names.join(', ')} volledig verwijderen`, en: `Yes, delete ${names.join(', ')} completely` }), confirm: true },
            { label: t({ nl: 'Annuleren', en: 'Cancel' }), confirm: false },
          ],
          {
            placeholder: t({
              nl: 'Kaartje, relaties, telefoon, e-mail en adres verdwijnen, ook uit de opgeslagen geschiedenis. Dit kan niet ongedaan worden.',
              en: 'Card, relations, phone, e-mail and address disappear, from the stored history too. This cannot be undone.',
            }),
          },
        );
        if (!picked?.confirm) return;
        try {
          await editor.deleteNodesCompletely(ids);
          api.window.showMessage({ nl: `${names.join(', ')} is volledig verwijderd.`, en: `${names.join(', ')} was deleted completely.` });
        } catch {
          api.window.showMessage({ nl: 'Volledig verwijderen is niet gelukt. Controleer de verbinding en probeer het opnieuw.', en: 'Deleting completely failed. Check the connection and try again.' }, 'error');
        }
      });
      register('core.applyTemplate', async () => {
        const templates = services.templates.implemented();
        if (templates.length === 0) return api.window.showMessage({ nl: 'Er zijn (nog) geen sjablonen beschikbaar.', en: 'No templates are available (yet).' }, 'warning');
        const picked = await api.window.showQuickPick(
          templates.map((x) => ({ label: t(x.declaration.title), description: x.declaration.description && t(x.declaration.description), x })),
          { placeholder: t({ nl: 'Welk sjabloon?', en: 'Which template?' }) },
        );
        if (!picked) return;
        // A template on a map that has cards changes the team's work: the map as it was is kept as a version first.
        if (api.map.getNodes().length > 0) {
          try {
            await api.map.saveVersion({ reason: 'template' });
          } catch {
            return api.window.showMessage({ nl: 'Het sjabloon is niet toegepast: de kaart van nu kon niet als versie worden bewaard. Controleer de verbinding en probeer het opnieuw.', en: 'The template was not applied: the map as it is could not be kept as a version. Check the connection and try again.' }, 'error');
          }
        }
        await picked.x.implementation.apply(api.map, { language: api.language });
      });

      context.subscriptions.push(
        api.window.registerViewProvider('core.problems', ProblemsView),
        api.window.registerViewProvider('core.extensions', ExtensionsView),
        api.window.registerViewProvider('core.versions', VersionsView),
      );
      register('core.showVersions', () => api.window.openView('core.versions'));
      registerParticipation(services, api, context);
    },
  };
}

function nodeIdsArg(arg: unknown): string[] | undefined {
  if (typeof arg !== 'object' || arg === null || !('nodeIds' in arg) || !Array.isArray(arg.nodeIds)) return undefined;
  return arg.nodeIds.filter((x): x is string => typeof x === 'string');
}
