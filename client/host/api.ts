/**
 * The Mantelkaart extension API: everything an extension may use, and nothing else. An extension is a module with
 * a `manifest` (what it contributes, declared) and `activate(context, api)` (how it behaves, registered); see
 * ExtensionModule below. Read this file like VS Code's vscode.d.ts.
 *
 * Rules of the road:
 * - every `register*` returns a Disposable: push it into `context.subscriptions` and the host removes it when the
 *   extension is deactivated;
 * - the map is read and written only through `api.map` (writes carry the session's local origin, so undo, redo
 *   and presence keep working); private fields only through `api.map.getPrivateFields` / `setPrivateFields`;
 * - events are `onDid*` and return a Disposable.
 */
import type { ComponentType, ReactNode } from 'react';
import type { PrivateFieldsByNode } from '../../shared/exchange/privateFieldsOf';
import type { ModalProps } from './ui/Dialog';
import type { PrivateFieldsChoiceProps } from './ui/PrivateFieldsChoice';
import type { FieldSchema, LocalizedText } from '../../shared/model/fields';
import type { CollectionRecord, EdgeRecord, FieldValue, MapMeta, MapSnapshot, NodeRecord } from '../../shared/model/schema';
import type { EdgeInit, EdgePatch, NodeInit, NodePatch } from '../../shared/model/mapDoc';
import type { Disposable, IDisposable } from '../../shared/plugin/Disposable';
import type { Event } from '../../shared/plugin/Emitter';
import type {
  CollectionContribution,
  EdgeKindContribution,
  ExtensionManifest,
  IconContribution,
  NodeKindContribution,
  ResolvedManifest,
} from '../../shared/plugin/manifest';
import type { ContextValue } from '../../shared/plugin/whenClause';
import type { StartVoteRequest, Vote } from '../../shared/participation/votes';

export { Disposable, DisposableStore } from '../../shared/plugin/Disposable';
export { Emitter } from '../../shared/plugin/Emitter';
export { useApiValue } from './useApiValue';
export type { IDisposable, Event, ExtensionManifest, ResolvedManifest, LocalizedText, FieldSchema, FieldValue };
export type { NodeRecord, EdgeRecord, CollectionRecord, MapSnapshot, MapMeta, NodeInit, NodePatch, EdgeInit, EdgePatch };
export type { NodeKindContribution, EdgeKindContribution, CollectionContribution, IconContribution };
export type { PrivateFieldsByNode, ModalProps, PrivateFieldsChoiceProps, StartVoteRequest, Vote };

export type Language = 'nl' | 'en';

/** What the host gives `activate`. */
export interface ExtensionContext {
  readonly extensionId: string;
  /** The manifest after the gate: every contribution list present. */
  readonly manifest: ResolvedManifest;
  /** Disposed, newest first, when the extension is deactivated. */
  readonly subscriptions: IDisposable[];
  /** Small values remembered per browser for this extension (localStorage, namespaced). */
  readonly storage: ExtensionStorage;
}

export interface ExtensionStorage {
  /** A remembered value (outside data: check its shape), or undefined. */
  get(key: string): unknown;
  /** Remembers a JSON-serialisable value; `undefined` forgets it. */
  set(key: string, value: unknown): void;
}

/** An extension: a manifest for the gate plus the code that registers behaviour. */
export interface ExtensionModule {
  /** Checked by `parseManifest` before anything else runs; write it `satisfies ExtensionManifest`. */
  readonly manifest: unknown;
  /** Registers behaviour; may be async. A throw is reported with the extension's id and undone. */
  activate(context: ExtensionContext, api: MantelkaartApi): void | Promise<void>;
  /** Called before `context.subscriptions` are disposed. */
  deactivate?(): void | Promise<void>;
  /**
   * The extension's editing half (layout, import, templates, …), as a dynamic import: the host loads and activates
   * it, with the same context and API, only when the link may change the map, so a view link on a phone never
   * downloads it. Commands it gives behaviour to are declared in the manifest with `when: canEdit`.
   */
  editing?(): Promise<ExtensionEditingPart>;
}

/** What `ExtensionModule.editing` resolves to. */
export interface ExtensionEditingPart {
  activate(context: ExtensionContext, api: MantelkaartApi): void | Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// The map

/** What changed in one transaction. `local` is true for this person's own edits (including undo and redo). */
export interface MapChangeEvent {
  nodes: string[];
  edges: string[];
  /** Collections with added, changed or removed records. */
  collections: string[];
  /** Shared texts that changed. */
  texts: string[];
  meta: boolean;
  local: boolean;
}

/** The map document, typed. Writes throw a `map/read-only` error for viewers (hide editing commands with `canEdit`). */
export interface MapApi {
  /** Whether this person may change the map (owner or edit link). */
  readonly canEdit: boolean;
  /** Whether private fields (phone, e-mail, address) can be read and written here (never on view links). */
  readonly hasPrivateFields: boolean;

  /** The map's title, template and schema version. */
  getMeta(): MapMeta;
  /** Every node, as plain values. */
  getNodes(): NodeRecord[];
  /** One node, or undefined when it does not exist (any more). */
  getNode(id: string): NodeRecord | undefined;
  /** Every edge, as plain values. */
  getEdges(): EdgeRecord[];
  /** One edge, or undefined. */
  getEdge(id: string): EdgeRecord | undefined;
  /** The records of a collection (declared in `contributes.collections`). */
  getRecords(collection: string): CollectionRecord[];
  /** A shared text (`api.ui.SharedTextArea` edits one), '' when empty. */
  getText(name: string): string;
  /** Everything as plain values in a stable order: what exporters and diagnostics read. */
  snapshot(): MapSnapshot;

  /** Groups several writes into one transaction: one undo step, one change event. */
  transact(fn: () => void): void;
  /**
   * Ends the current undo step: what this person changes next is undone on its own, even right after the last
   * change (edits within a moment of each other otherwise share a step). Call it when someone starts on another field.
   */
  stopCapturing(): void;
  /** Adds a node (defaults from its kind's `defaultSize`); returns its id. */
  createNode(init: NodeInit): string;
  /** Changes position, size, label, kind or pinning. */
  updateNode(id: string, patch: NodePatch): void;
  /** Sets fields of a node's data, one key per field so concurrent edits merge; `undefined` removes a field. */
  setNodeData(id: string, fields: Record<string, FieldValue | undefined>): void;
  /** Deletes nodes, their edges and their private fields. */
  deleteNodes(ids: Iterable<string>): void;
  /** Adds an edge; returns its id. */
  createEdge(init: EdgeInit): string;
  /** Changes an edge's kind or label. */
  updateEdge(id: string, patch: EdgePatch): void;
  /** Sets fields of an edge's data. */
  setEdgeData(id: string, fields: Record<string, FieldValue | undefined>): void;
  /** Deletes edges. */
  deleteEdges(ids: Iterable<string>): void;
  /** Adds a record or merges fields into it; returns its id. */
  putRecord(collection: string, fields: Record<string, FieldValue | undefined>, id?: string): string;
  /** Deletes records of a collection. */
  deleteRecords(collection: string, ids: Iterable<string>): void;
  /**
   * Sets a shared text to `value` as the smallest edit from what it holds, so words others type elsewhere in it at
   * the same time are kept. Names follow the collection rule (letters, digits, `-`, `_`, `.`).
   */
  setText(name: string, value: string): void;
  /**
   * Keeps the map as it is now as a version on the server: a named one, or the automatic one to keep before a
   * template or import changes a map that has cards. Rejects when the server cannot be reached or refuses.
   */
  saveVersion(what: { name: string; note?: string } | { reason: 'template' | 'import' }): Promise<void>;
  /**
   * While this person compares the map with a version (the Versies view): what changed in one card since, field by
   * field (`label` or `data.<key>`), for an inspector to show old → new. Undefined otherwise.
   */
  getComparison(nodeId: string): { versionName: string; fields: readonly { field: string; before: FieldValue | undefined; after: FieldValue | undefined }[] } | undefined;
  /** Fires when a comparison starts, changes or ends. */
  readonly onDidChangeComparison: Event<void>;
  /** The map's versions on the server, newest first (any link may list them). */
  listVersions(): Promise<{ id: string; name: string; createdAt: number; automatic: boolean }[]>;
  /** One version's map as plain values, with its name and when it was saved. */
  readVersion(id: string): Promise<{ snapshot: MapSnapshot; name: string; createdAt: number }>;
  /** Renames the map. */
  setTitle(title: string): void;

  /** A node's private fields, or an empty record where private fields are unavailable. */
  getPrivateFields(nodeId: string): Record<string, FieldValue>;
  /** Sets private fields; throws `map/private-unavailable` where there is no private document. */
  setPrivateFields(nodeId: string, fields: Record<string, FieldValue | undefined>): void;
  /** Whether this person may take contact details into an export: edit and owner links, where the private document is open. */
  readonly mayExportPrivate: boolean;
  /**
   * Every node's contact details for an export (AVG): only when `include` (the person ticked the choice shown
   * with `api.ui.PrivateFieldsChoice`) and this person may; undefined otherwise.
   */
  privateFieldsForExport(include: boolean): PrivateFieldsByNode | undefined;

  /** Fires after every change of the map, local or remote; a change of a node's private fields counts as a change of that node. */
  readonly onDidChangeMap: Event<MapChangeEvent>;

  /** The selected node ids. */
  getSelection(): string[];
  /** Selects exactly these nodes. */
  setSelection(nodeIds: string[]): void;
  /** The selected edge ids (relations), for an inspector of the selected edge. */
  getSelectedEdges(): string[];
  /** Fires when the selection of nodes or edges changes. */
  readonly onDidChangeSelection: Event<{ nodeIds: string[]; edgeIds: string[] }>;
}

// ---------------------------------------------------------------------------------------------------------------
// The canvas

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Per-node looks an extension adds on top of the kind's own: used for filter and focus. */
export interface NodeDecoration {
  /** Drawn faded; for "focus on this node and its neighbours". */
  dimmed?: boolean;
}

/** Why `captureImage` could not make a picture. */
export interface CaptureFailure extends Error {
  code: 'export/no-canvas' | 'export/empty-map' | 'export/render-failed';
}

export interface CanvasApi {
  /** Pans and zooms so these nodes are in view; with `select`, selects them too. */
  revealNodes(nodeIds: string[], options?: { select?: boolean }): void;
  /** Fits the whole map in view. */
  fitView(): void;
  /** The current pan and zoom. */
  getViewport(): Viewport;
  /** Pans and zooms. */
  setViewport(viewport: Viewport): void;
  /** The centre of what is visible, in map coordinates (where new nodes go). */
  getCenter(): { x: number; y: number };
  /** Fires when the viewport changes. */
  readonly onDidChangeViewport: Event<Viewport>;
  /**
   * A picture of the whole map (`map`, every node framed, full cards at any zoom) or of what is on screen (`view`).
   * Rejects with a `CaptureFailure` whose code says why: `export/no-canvas`, `export/empty-map`, `export/render-failed`.
   */
  captureImage(format: 'png' | 'svg', area: 'map' | 'view'): Promise<Blob>;
  /** The whole map as PNG bytes, or undefined when there is nothing (or no canvas) to draw. */
  captureMapPng(): Promise<Uint8Array | undefined>;
  /**
   * Replaces this extension's node decorations (dimming for filter and focus); `null` clears them.
   * Decorations of several extensions combine; all of an extension's disappear on deactivate.
   */
  setDecorations(decorations: ReadonlyMap<string, NodeDecoration> | null): void;
}

// ---------------------------------------------------------------------------------------------------------------
// Contributions implemented in code

/** Props of a node kind's body: the host draws frame, icon, handles, markers; the body draws the inside. */
export interface NodeBodyProps {
  node: NodeRecord;
  kind: NodeKindContribution;
  selected: boolean;
  language: Language;
}

/** Props of a view component (side bar or panel). */
export interface ViewProps {
  viewId: string;
  language: Language;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A way to fix a problem: a command with arguments, offered next to the problem. */
export interface QuickFix {
  title: LocalizedText;
  command: string;
  args?: unknown[];
}

/** A problem found in the map. */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Plain words, saying what to do. */
  message: LocalizedText;
  /** The nodes it concerns: clicking the problem selects and frames them; they carry a marker. */
  nodeIds?: string[];
  /** Stable code, for filtering and tests: `stakeholders/key-figure-over-capacity`. */
  code?: string;
  quickFixes?: QuickFix[];
}

/** Finds problems; rerun (debounced) after every change of the map. May be async; must not write. */
export interface DiagnosticProvider {
  provideDiagnostics(map: MapSnapshot): Diagnostic[] | Promise<Diagnostic[]>;
}

/** A problem with the provider that found it (as the Problems panel shows it). */
export interface ProblemEntry extends Diagnostic {
  providerId: string;
  extensionId: string;
}

/** What an exporter produces. */
export type ExportData = string | Uint8Array | Blob;

/** Converts the map to a file; the host names it `<title>.<fileExtension>` and offers it as a download. */
export interface Exporter {
  export(map: MapSnapshot, options: { language: Language }): ExportData | Promise<ExportData>;
}

/** Fills a new, empty map. */
export interface TemplateProvider {
  apply(map: MapApi, options: { language: Language }): void | Promise<void>;
}

/** A status-bar entry declared in the manifest, brought to life with `window.createStatusBarItem`. */
export interface StatusBarItem extends IDisposable {
  readonly id: string;
  text: string;
  tooltip: string | undefined;
  /** Run on click. */
  command: string | undefined;
  show(): void;
  hide(): void;
}

export interface QuickPickItem {
  label: string;
  description?: string;
  detail?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The API object

export interface MantelkaartApi {
  /** The UI language now. */
  readonly language: Language;
  /** Fires when the UI language changes. */
  readonly onDidChangeLanguage: Event<Language>;
  /** Picks the current language's text. */
  localize(text: LocalizedText): string;

  readonly commands: {
    /** Gives a command its behaviour (declare it in `contributes.commands` to list it in the palette). */
    registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable;
    /** Runs any command, from any extension. */
    executeCommand<T = unknown>(id: string, ...args: unknown[]): Promise<T>;
  };

  readonly map: MapApi;
  readonly canvas: CanvasApi;

  readonly nodeKinds: {
    /** Draws the inside of nodes of a declared kind; without one, the host shows label and icon. */
    registerNodeBody(kindId: string, body: ComponentType<NodeBodyProps>): Disposable;
    /** A declared node kind, from any extension. */
    get(kindId: string): NodeKindContribution | undefined;
    /** All declared node kinds. */
    all(): NodeKindContribution[];
  };

  readonly edgeKinds: {
    /** Edge kinds allowed between nodes of these kinds (offered when connecting). */
    kindsFor(sourceKind: string, targetKind: string): EdgeKindContribution[];
    /** All declared edge kinds. */
    all(): EdgeKindContribution[];
  };

  readonly collections: {
    /** A declared collection (fields of commitments, …). */
    get(id: string): CollectionContribution | undefined;
  };

  readonly window: {
    /** Supplies the component of a declared view (side bar or panel). */
    registerViewProvider(viewId: string, component: ComponentType<ViewProps>): Disposable;
    /** Opens a view: side-bar views in the side bar, panel views in the bottom panel (over the whole map with `maximize`). */
    openView(viewId: string, options?: { maximize?: boolean }): void;
    /** Brings a declared status-bar item to life. */
    createStatusBarItem(id: string): StatusBarItem;
    /** Shows a short message at the bottom right. */
    showMessage(message: LocalizedText, severity?: 'info' | 'warning' | 'error'): void;
    /** Lets the person pick one item, like the command palette; undefined when dismissed. */
    showQuickPick<T extends QuickPickItem>(items: T[], options?: { placeholder?: string }): Promise<T | undefined>;
    /** Asks for a line of text; undefined when dismissed. */
    showInputBox(options: { prompt: string; value?: string; placeholder?: string }): Promise<string | undefined>;
    /**
     * Shows a modal dialog that `render` draws (use `api.ui.Modal` for its frame); resolves with what it is closed
     * with, or undefined when dismissed.
     */
    showDialog<T>(render: (close: (value?: T) => void) => ReactNode): Promise<T | undefined>;
    /** Offers data as a download named `<base>.<extension>` (characters file systems refuse become "-"). */
    saveFile(data: ExportData, base: string, extension: string, mimeType: string): void;
    /** Prints a standalone HTML page through the browser's print dialog (or "Save as PDF"). */
    print(html: string, title: string): Promise<void>;
  };

  /** Building blocks for an extension's own dialogs, so they look and behave like the host's. */
  readonly ui: {
    /** A dialog's frame: title, body, and buttons under a line; Escape and the backdrop dismiss it. */
    Modal: ComponentType<ModalProps>;
    /** The AVG opt-in for contact details in an export: unticked unless the person ticks it, with the why next to it. */
    PrivateFieldsChoice: ComponentType<PrivateFieldsChoiceProps>;
  };

  readonly diagnostics: {
    /** Supplies the check of a declared diagnostic provider. */
    registerDiagnosticProvider(id: string, provider: DiagnosticProvider): Disposable;
    /** The problems found now, from all providers. */
    getProblems(): ProblemEntry[];
    /** Fires when the problems change. */
    readonly onDidChangeProblems: Event<ProblemEntry[]>;
  };

  readonly exporters: {
    /** Supplies the conversion of a declared exporter. */
    registerExporter(id: string, exporter: Exporter): Disposable;
  };

  readonly templates: {
    /** Supplies what a declared template creates. */
    registerTemplate(id: string, template: TemplateProvider): Disposable;
  };

  readonly settings: {
    /** A declared setting's value in this browser (its default until changed). */
    get(key: string): string | number | boolean | undefined;
    /** Changes a declared setting in this browser. */
    update(key: string, value: string | number | boolean): void;
    /** Fires with the key that changed. */
    readonly onDidChangeSetting: Event<string>;
  };

  /**
   * Votes and the shared timer, run by the server: any extension can start a dot vote on its cards (every kind can be
   * voted on) and read the results. Participants' suggestions are declared in the manifest (`contributes.suggestions`).
   */
  readonly participation: {
    /**
     * Starts a dot vote (edit and owner links; throws `map/read-only` on a view link). Resolves false when the server
     * refused it; the person is told why. `core.startVote` with `{ kind, question }` opens the host's dialog instead.
     */
    startVote(request: StartVoteRequest): Promise<boolean>;
    /** Every vote of the map, newest first: question, cards, status, voters, and the counts once revealed. */
    getVotes(): readonly Vote[];
    /** Fires when a vote, a ballot count or the timer changes. */
    readonly onDidChange: Event<void>;
    /** Starts the countdown every screen shows, on the server's clock (edit and owner links). */
    startTimer(seconds: number): Promise<boolean>;
  };

  /** Sets a context key for `when` clauses (prefix it with your extension id). */
  setContext(key: string, value: ContextValue): void;
}
