import type { DisposableStore } from '../../shared/plugin/Disposable';
import { Emitter } from '../../shared/plugin/Emitter';
import type { MantelkaartApi, StatusBarItem } from './api';
import type { HostServices } from './HostServices';
import { HostError } from './HostError';
import { createMapApi } from './services/createMapApi';
import { scopedEvent } from './services/scopedEvent';
import { captureMap, captureMapPng } from './services/captureMap';
import { downloadExport } from './core/downloadExport';
import { Modal, showDialog } from './ui/Dialog';
import { PrivateFieldsChoice } from './ui/PrivateFieldsChoice';
import { printDocument } from './ui/printDocument';
import { readNodes } from '../../shared/model/mapDoc';

/**
 * The API object one extension receives. Everything it registers or subscribes is also added to `store`, which
 * the extension host disposes on deactivation: nothing of the extension survives it, even what it forgot to
 * push into `context.subscriptions`.
 */
export function createExtensionApi(services: HostServices, extensionId: string, store: DisposableStore): MantelkaartApi {
  const languageChanged = store.add(new Emitter<'nl' | 'en'>());
  const unsubscribeLanguage = services.language.subscribe(() => languageChanged.fire(services.language.get()));
  store.add({ dispose: unsubscribeLanguage });
  // An extension's decorations and context keys disappear with it.
  store.add({ dispose: () => services.decorations.setExtensionDecorations(extensionId, null) });
  const contextKeysSet = new Set<string>();
  store.add({ dispose: () => services.contextKeys.set(Object.fromEntries([...contextKeysSet].map((k) => [k, undefined]))) });

  return {
    get language() {
      return services.language.get();
    },
    onDidChangeLanguage: languageChanged.event,
    localize: (text) => services.localize(text),

    commands: {
      registerCommand: (id, handler) => store.add(services.commands.registerCommand(id, handler, extensionId)),
      executeCommand: (id, ...args) => services.commands.executeCommand(id, ...args),
    },

    map: createMapApi(services.map, { get: (k) => services.nodeKinds.get(k)?.declaration }, store, extensionId, services.decorations),

    canvas: {
      revealNodes(nodeIds, options) {
        if (options?.select) services.session.selection.set(nodeIds);
        services.canvas.fitView(nodeIds);
      },
      fitView: () => services.canvas.fitView(),
      getViewport: () => services.canvas.getViewport(),
      setViewport: (v) => services.canvas.setViewport(v),
      getCenter: () => services.canvas.getCenter(),
      onDidChangeViewport: scopedEvent(services.canvas.onDidChangeViewport, store),
      setDecorations: (decorations) => services.decorations.setExtensionDecorations(extensionId, decorations),
      captureImage: (format, area) => captureMap({ format, area, nodes: readNodes(services.session.doc), canvas: services.canvas }),
      captureMapPng: () => captureMapPng(readNodes(services.session.doc), services.canvas),
    },

    nodeKinds: {
      registerNodeBody: (kindId, body) => store.add(services.nodeKinds.implement(kindId, body, extensionId)),
      get: (kindId) => services.nodeKinds.get(kindId)?.declaration,
      all: () => services.nodeKinds.all().map((c) => c.declaration),
    },

    edgeKinds: {
      kindsFor: (sourceKind, targetKind) =>
        services.edgeKinds
          .all()
          .map((c) => c.declaration)
          .filter((k) => (!k.source || k.source.includes(sourceKind)) && (!k.target || k.target.includes(targetKind))),
      all: () => services.edgeKinds.all().map((c) => c.declaration),
    },

    collections: {
      get: (id) => services.collections.get(id)?.declaration,
    },

    window: {
      registerViewProvider: (viewId, component) => store.add(services.views.implement(viewId, component, extensionId)),
      openView(viewId, options) {
        const view = services.views.get(viewId)?.declaration;
        if (!view) throw new HostError('host/undeclared-contribution', `view "${viewId}" is not declared`, extensionId);
        if (view.location === 'sidebar') services.layout.update({ activeView: viewId, sideBarVisible: true });
        else services.layout.update({ activePanel: viewId, panelVisible: true, ...(options?.maximize !== undefined ? { panelMaximized: options.maximize } : {}) });
      },
      createStatusBarItem(id): StatusBarItem {
        return store.add(services.statusBar.createItem(id, extensionId));
      },
      showMessage: (message, severity = 'info') => {
        services.notifications.show(severity, services.localize(message), extensionId);
      },
      showQuickPick: (items, options) => services.quickInput.pick(items, options?.placeholder),
      showInputBox: (options) => services.quickInput.input(options.prompt, options.value, options.placeholder),
      showDialog,
      saveFile: (data, base, extension, mimeType) => downloadExport(data, base, extension, mimeType),
      print: printDocument,
    },

    ui: { Modal, PrivateFieldsChoice },

    diagnostics: {
      registerDiagnosticProvider: (id, provider) => store.add(services.diagnosticProviders.implement(id, provider, extensionId)),
      getProblems: () => services.problems.getProblems(),
      onDidChangeProblems: scopedEvent(services.problems.onDidChangeProblems, store),
    },

    exporters: {
      registerExporter: (id, exporter) => store.add(services.exporters.implement(id, exporter, extensionId)),
    },

    templates: {
      registerTemplate: (id, template) => store.add(services.templates.implement(id, template, extensionId)),
    },

    settings: {
      get: (key) => services.settings.get(key),
      update: (key, value) => services.settings.update(key, value),
      onDidChangeSetting: scopedEvent(services.settings.onDidChangeSetting, store),
    },

    participation: {
      startVote(request) {
        if (!services.participation.canEdit) throw new HostError('map/read-only', 'only an edit or owner link can start a vote', extensionId);
        return services.participation.startVote(request);
      },
      getVotes: () => services.participation.get().votes,
      onDidChange: scopedEvent(services.participation.onDidChange, store),
      startTimer(seconds) {
        if (!services.participation.canEdit) throw new HostError('map/read-only', 'only an edit or owner link can start the timer', extensionId);
        return services.participation.timer({ action: 'start', seconds });
      },
    },

    setContext(key, value) {
      contextKeysSet.add(key);
      services.contextKeys.set({ [key]: value });
    },
  };
}
