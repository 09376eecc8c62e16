/**
 * What an extension *declares* (VS Code's `contributes`): the host reads this before any extension code runs, so
 * commands appear in the palette, views in the activity bar and node kinds on the canvas as soon as the page loads.
 * Behaviour is *registered* later, in `activate(context)`, against the ids declared here.
 *
 * Manifests come from outside the host; they pass `parseManifest` (one typed gate) before anything reads them.
 */
import type { FieldSchema, LocalizedText } from '../model/fields';

export type { FieldSchema, LocalizedText };

/** Shapes the host can draw for a node kind. */
export type NodeShape = 'rectangle' | 'rounded' | 'pill' | 'ellipse' | 'diamond' | 'hexagon' | 'note';
export const NODE_SHAPES: readonly NodeShape[] = ['rectangle', 'rounded', 'pill', 'ellipse', 'diamond', 'hexagon', 'note'];

/** A kind of node: drawn by the host with this look and edited with these fields, before activation too. */
export interface NodeKindContribution {
  /** Stored in each node's `kind`; unique across extensions. */
  id: string;
  title: LocalizedText;
  /** A built-in icon name (see the host's icon list) or a single emoji. */
  icon?: string;
  /** A CSS colour, `#rrggbb`. */
  color?: string;
  shape?: NodeShape;
  fields?: FieldSchema[];
  defaultSize?: { width: number; height: number };
  /** `background`: drawn behind every other node and edge (lanes, quadrants, frames). */
  layer?: 'background';
}

export type EdgeDash = 'solid' | 'dashed' | 'dotted';
export type EdgeArrow = 'none' | 'end' | 'both';

/** A kind of relation between two nodes; offered when connecting a pair whose kinds it allows. */
export interface EdgeKindContribution {
  id: string;
  title: LocalizedText;
  style?: { color?: string; dash?: EdgeDash; width?: number; arrow?: EdgeArrow };
  /** Node kinds allowed at the source; any kind when absent. */
  source?: string[];
  /** Node kinds allowed at the target; any kind when absent. */
  target?: string[];
  fields?: FieldSchema[];
}

/** A collection of records that are not drawn as nodes (commitments, for instance), stored in the map document. */
export interface CollectionContribution {
  id: string;
  title: LocalizedText;
  fields: FieldSchema[];
}

/** A command: shown in the palette (unless its `when` is false), run by keybindings, menus and toolbar buttons. */
export interface CommandContribution {
  id: string;
  title: LocalizedText;
  /** Shown before the title in the palette: "Kaart: Nieuwe notitie". */
  category?: LocalizedText;
  icon?: string;
  /** Hides the command (palette, menus, keybindings) while false. */
  when?: string;
}

/**
 * A key combination for a command, in tinykeys syntax: `$mod+Shift+P` (`$mod` is Ctrl, or Cmd on a Mac),
 * `Delete`, `Alt+ArrowUp`. Keybindings never fire while someone types in a text field.
 */
export interface KeybindingContribution {
  key: string;
  command: string;
  when?: string;
  /** Passed to the command. */
  args?: unknown;
}

/** Where menu entries can go. `node/context` passes `{ nodeIds }`, `canvas/context` passes `{ position }`. */
export type MenuId = 'canvas/context' | 'node/context' | 'edge/context' | 'toolbar';
export const MENU_IDS: readonly MenuId[] = ['canvas/context', 'node/context', 'edge/context', 'toolbar'];

export interface MenuItemContribution {
  command: string;
  when?: string;
  /** Sorts and separates entries: `1_create@2` is group `1_create`, order 2 within it. */
  group?: string;
}

/** A view: a side-bar view gets its own activity-bar icon; a panel view a tab in the bottom panel. */
export interface ViewContribution {
  id: string;
  title: LocalizedText;
  /** Activity-bar icon (side-bar views); built-in icon name or a single emoji. */
  icon?: string;
  when?: string;
}

export interface ViewsContribution {
  sidebar?: ViewContribution[];
  panel?: ViewContribution[];
}

export interface StatusBarItemContribution {
  id: string;
  /** What the item is, for screen readers and the status bar's context. */
  name: LocalizedText;
  alignment?: 'left' | 'right';
  /** Higher comes first (further left on the left, further right on the right). */
  priority?: number;
  text?: LocalizedText;
  tooltip?: LocalizedText;
  command?: string;
  when?: string;
}

/** A starting point for a new map; `registerTemplate` supplies what it creates. */
export interface TemplateContribution {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  icon?: string;
}

/** A file format the map can be exported to; `registerExporter` supplies the conversion. */
export interface ExporterContribution {
  id: string;
  title: LocalizedText;
  /** Without the dot: `csv`, `docx`. */
  fileExtension: string;
  mimeType: string;
}

/** A source of problems; `registerDiagnosticProvider` supplies the check. */
export interface DiagnosticProviderContribution {
  id: string;
  title: LocalizedText;
}

export type SettingType = 'boolean' | 'number' | 'string' | 'select';

/** A per-browser preference, shown in the settings view and read with `api.settings.get`. */
export interface SettingContribution {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  type: SettingType;
  default: string | number | boolean;
  options?: { value: string; label: LocalizedText }[];
}

/**
 * A line pictogram an extension's node kinds, views or commands name in `icon`: SVG path data in a 24×24 box,
 * drawn with the host's stroke (Lucide's style), so the host ships no extension's pictures.
 */
export interface IconContribution {
  /** The name `icon` fields use, e.g. `user-round-check`; it must not clash with a built-in or another extension's. */
  id: string;
  path: string;
}

/**
 * Something a participant may suggest from a view link ("Ik ken een sleutelfiguur"): a card of `kind` that an
 * editor puts on the map when accepting, with the note in `noteField` and, when the suggestion names a card it
 * relates to, a relation of `relatesTo.edgeKind` between the two.
 */
export interface SuggestionContribution {
  id: string;
  /** The node kind the card gets. */
  kind: string;
  /** What the participant taps: "Ik ken een sleutelfiguur". */
  title: LocalizedText;
  /** Placeholder of the name field ("Naam of hoe men hem/haar noemt"). */
  namePlaceholder?: LocalizedText;
  /** Placeholder of the note ("Waar ken je hem van? Wie vertrouwt haar?"). */
  notePlaceholder?: LocalizedText;
  /** The kind's data field the note goes into when accepted. */
  noteField?: string;
  relatesTo?: {
    /** Kinds of the cards one may pick. */
    kinds: string[];
    /** The relation drawn when accepted: from the new card to the picked one. */
    edgeKind: string;
    /** The question next to the pick: "Wie bereikt hij/zij?". */
    label: LocalizedText;
  };
}

export interface Contributions {
  icons?: IconContribution[];
  nodeKinds?: NodeKindContribution[];
  edgeKinds?: EdgeKindContribution[];
  collections?: CollectionContribution[];
  commands?: CommandContribution[];
  keybindings?: KeybindingContribution[];
  menus?: Partial<Record<MenuId, MenuItemContribution[]>>;
  views?: ViewsContribution;
  statusBarItems?: StatusBarItemContribution[];
  templates?: TemplateContribution[];
  exporters?: ExporterContribution[];
  diagnosticProviders?: DiagnosticProviderContribution[];
  settings?: SettingContribution[];
  suggestions?: SuggestionContribution[];
}

/** An extension's manifest as its author writes it (`satisfies ExtensionManifest` gives completion). */
export interface ExtensionManifest {
  /** Lowercase, dot-separated: `mantelkaart.stakeholders`. Prefix contributed ids with it. */
  id: string;
  name: LocalizedText;
  version: string;
  description?: LocalizedText;
  contributes?: Contributions;
}

/** A manifest after the gate: every contribution list present (possibly empty). */
export interface ResolvedManifest extends Omit<ExtensionManifest, 'contributes'> {
  contributes: {
    [K in Exclude<keyof Contributions, 'menus' | 'views'>]-?: NonNullable<Contributions[K]>;
  } & {
    menus: Record<MenuId, MenuItemContribution[]>;
    views: { sidebar: ViewContribution[]; panel: ViewContribution[] };
  };
}
