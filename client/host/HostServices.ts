import type { ComponentType } from 'react';
import type { LocalizedText } from '../../shared/model/fields';
import type {
  CollectionContribution,
  DiagnosticProviderContribution,
  EdgeKindContribution,
  ExporterContribution,
  IconContribution,
  NodeKindContribution,
  SuggestionContribution,
  TemplateContribution,
  ViewContribution,
} from '../../shared/plugin/manifest';
import * as Y from 'yjs';
import { nodesMap, snapshotMap } from '../../shared/model/mapDoc';
import { canEdit } from '../../shared/protocol/roles';
import { DisposableStore, type IDisposable } from '../../shared/plugin/Disposable';
import type { DiagnosticProvider, Exporter, Language, NodeBodyProps, TemplateProvider, ViewProps } from './api';
import { ContextKeyService } from './ContextKeyService';
import type { HostSession, Store } from './HostSession';
import { CommandRegistry } from './registries/CommandRegistry';
import { ContributionRegistry } from './registries/ContributionRegistry';
import { KeybindingRegistry } from './registries/KeybindingRegistry';
import { MenuRegistry } from './registries/MenuRegistry';
import { StatusBarRegistry } from './registries/StatusBarRegistry';
import { CanvasService } from './services/CanvasService';
import { ContextMenuService } from './services/ContextMenuService';
import { ComparisonService } from './services/ComparisonService';
import { DecorationService } from './services/DecorationService';
import { LayoutStore } from './services/LayoutStore';
import { MapService } from './services/MapService';
import { NotificationService } from './services/NotificationService';
import { ProblemsService, type Scheduler } from './services/ProblemsService';
import { QuickInputService } from './services/QuickInputService';
import { SettingsStore } from './services/SettingsStore';
import { ViewBadgeStore } from './services/ViewBadgeStore';
import { ParticipationService } from './participation/ParticipationService';
import { participationMessage } from './participation/participationMessages';

export type ViewLocation = 'sidebar' | 'panel';
export interface ViewDeclaration extends ViewContribution {
  location: ViewLocation;
}

/** Everything the workbench and the extension host share for one open map. */
export interface HostServices extends IDisposable {
  session: HostSession;
  language: Store<Language>;
  localize(text: LocalizedText): string;
  contextKeys: ContextKeyService;
  commands: CommandRegistry;
  keybindings: KeybindingRegistry;
  menus: MenuRegistry;
  views: ContributionRegistry<ViewDeclaration, ComponentType<ViewProps>>;
  /** Pictograms extensions contribute for their kinds, views and commands (the host's own are in ui/Icon). */
  icons: ContributionRegistry<IconContribution, never>;
  nodeKinds: ContributionRegistry<NodeKindContribution, ComponentType<NodeBodyProps>>;
  edgeKinds: ContributionRegistry<EdgeKindContribution, never>;
  collections: ContributionRegistry<CollectionContribution, never>;
  statusBar: StatusBarRegistry;
  diagnosticProviders: ContributionRegistry<DiagnosticProviderContribution, DiagnosticProvider>;
  problems: ProblemsService;
  exporters: ContributionRegistry<ExporterContribution, Exporter>;
  templates: ContributionRegistry<TemplateContribution, TemplateProvider>;
  settings: SettingsStore;
  decorations: DecorationService;
  /** The comparison with a version, while one is open (Versies). */
  comparison: ComparisonService;
  canvas: CanvasService;
  map: MapService;
  layout: LayoutStore;
  notifications: NotificationService;
  quickInput: QuickInputService;
  contextMenu: ContextMenuService;
  /** What participants may suggest (contributed by extensions). */
  suggestions: ContributionRegistry<SuggestionContribution, never>;
  /** Votes, suggestions and the timer. */
  participation: ParticipationService;
  /** Counts on views' activity-bar icons. */
  viewBadges: ViewBadgeStore;
}

export interface HostServicesOptions {
  session: HostSession;
  language: Store<Language>;
  /** Delay before diagnostics rerun after a change (default 300 ms). */
  diagnosticsDelayMs?: number;
  scheduler?: Scheduler;
}

/** Creates the registries and services for one open map, and keeps the built-in context keys up to date. */
export function createHostServices(options: HostServicesOptions): HostServices {
  const { session, language } = options;
  const localize = (text: LocalizedText) => text[language.get()];
  const store = new DisposableStore();
  const map = store.add(new MapService(session));
  const diagnosticProviders = new ContributionRegistry<DiagnosticProviderContribution, DiagnosticProvider>('diagnostic provider', (d) => d.id);
  const problems = store.add(
    new ProblemsService(diagnosticProviders, () => snapshotMap(session.doc), map.onDidChangeMap, options.diagnosticsDelayMs, options.scheduler),
  );
  const decorations = store.add(new DecorationService(localize));
  store.add(problems.onDidChangeProblems((p) => decorations.setProblems(p)));
  const nodeKinds = new ContributionRegistry<NodeKindContribution, ComponentType<NodeBodyProps>>('node kind', (d) => d.id);
  const layout = new LayoutStore();
  const contextKeys = new ContextKeyService();
  const notifications = new NotificationService();
  const suggestions = new ContributionRegistry<SuggestionContribution, never>('suggestion', (d) => d.id);
  const participation = store.add(
    new ParticipationService(
      session,
      {
        suggestionFor: (kind) => suggestions.all().find((s) => s.declaration.kind === kind)?.declaration,
        isBackground: (kind) => nodeKinds.get(kind)?.declaration.layer === 'background',
      },
      (message, code) => notifications.show('error', localize(participationMessage(code, message)), 'core'),
    ),
  );

  const services: HostServices = {
    session,
    language,
    localize,
    contextKeys,
    commands: new CommandRegistry(),
    keybindings: new KeybindingRegistry(),
    menus: new MenuRegistry(),
    views: new ContributionRegistry<ViewDeclaration, ComponentType<ViewProps>>('view', (d) => d.id),
    icons: new ContributionRegistry<IconContribution, never>('icon', (d) => d.id),
    nodeKinds,
    edgeKinds: new ContributionRegistry<EdgeKindContribution, never>('edge kind', (d) => d.id),
    collections: new ContributionRegistry<CollectionContribution, never>('collection', (d) => d.id),
    statusBar: new StatusBarRegistry(),
    diagnosticProviders,
    problems,
    exporters: new ContributionRegistry<ExporterContribution, Exporter>('exporter', (d) => d.id),
    templates: new ContributionRegistry<TemplateContribution, TemplateProvider>('template', (d) => d.id),
    settings: new SettingsStore(),
    decorations,
    comparison: store.add(new ComparisonService(session, decorations)),
    canvas: new CanvasService(),
    map,
    layout,
    notifications,
    quickInput: new QuickInputService(),
    contextMenu: new ContextMenuService(),
    suggestions,
    participation,
    viewBadges: new ViewBadgeStore(),
    dispose: () => store.dispose(),
  };

  // Built-in context keys: role, selection, layout.
  const updateSelectionKeys = () => {
    const ids = session.selection.get();
    const y = ids.length === 1 ? nodesMap(session.doc).get(ids[0]) : undefined;
    const nodeKind = y instanceof Y.Map ? y.get('kind') : undefined;
    contextKeys.set({ selectionCount: ids.length, nodeKind: typeof nodeKind === 'string' ? nodeKind : undefined });
  };
  const updateLayoutKeys = () => {
    const l = layout.get();
    contextKeys.set({ sideBarVisible: l.sideBarVisible, panelVisible: l.panelVisible, activeView: l.activeView ?? '', activePanel: l.activePanel ?? '' });
  };
  contextKeys.set({ canEdit: canEdit(session.role), readOnly: !canEdit(session.role), role: session.role });
  updateSelectionKeys();
  updateLayoutKeys();
  const unsubscribe = session.selection.subscribe(updateSelectionKeys);
  store.add({ dispose: unsubscribe });
  store.add(map.onDidChangeMap((e) => e.nodes.length > 0 && updateSelectionKeys()));
  store.add(layout.onDidChange(updateLayoutKeys));
  const unsubscribeLanguage = language.subscribe(() => decorations.recompute());
  store.add({ dispose: unsubscribeLanguage });
  return services;
}
