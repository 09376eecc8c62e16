/** The zod schema behind `parseManifest`; kept apart so the gate itself stays short. */
import { z } from 'zod';
import { parseKeybindingKey } from './keybindingKey';
import { parseWhen } from './whenClause';

/**
 * Ids of contributions and extensions: words joined by `.`, `-` or `_`, each starting lowercase. camelCase is
 * allowed because node and edge kind ids are stored in every map (`keyFigure`), and renaming them needs a migration.
 */
export const CONTRIBUTION_ID = /^[a-z0-9][a-zA-Z0-9_-]*(\.[a-z0-9][a-zA-Z0-9_-]*)*$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

const id = z.string().regex(CONTRIBUTION_ID, { message: 'words starting lowercase, joined by ".", "-" or "_"' });
const text = z.string().min(1);
const localized = z.strictObject({ nl: text, en: text });
const icon = z.string().min(1).max(40);

const when = z.string().superRefine((src, ctx) => {
  const parsed = parseWhen(src);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: 'manifest/invalid-when' } });
});

const fieldOption = z.strictObject({ value: z.string(), label: localized });
const fieldSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z][\w]*$/),
  type: z.enum(['text', 'longtext', 'number', 'boolean', 'select', 'multiselect', 'tags', 'date', 'month', 'nodeRef', 'nodeRefs', 'phone', 'email']),
  label: localized,
  description: localized.optional(),
  options: z.array(fieldOption).optional(),
  suggestions: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  unit: localized.optional(),
  required: z.boolean().optional(),
  private: z.boolean().optional(),
  refKinds: z.array(z.string()).optional(),
});
const fields = z.array(fieldSchema).superRefine((list, ctx) => uniqueBy(list, (f) => f.key, ctx, []));

const nodeKind = z.strictObject({
  id,
  title: localized,
  icon: icon.optional(),
  color: z.string().regex(HEX_COLOR, { message: 'a colour like #1f6feb' }).optional(),
  shape: z.enum(['rectangle', 'rounded', 'pill', 'ellipse', 'diamond', 'hexagon', 'note']).optional(),
  fields: fields.optional(),
  defaultSize: z.strictObject({ width: z.number().min(20).max(2000), height: z.number().min(20).max(2000) }).optional(),
  layer: z.enum(['background']).optional(),
});

const edgeKind = z.strictObject({
  id,
  title: localized,
  style: z
    .strictObject({
      color: z.string().regex(HEX_COLOR).optional(),
      dash: z.enum(['solid', 'dashed', 'dotted']).optional(),
      width: z.number().min(0.5).max(12).optional(),
      arrow: z.enum(['none', 'end', 'both']).optional(),
    })
    .optional(),
  source: z.array(id).optional(),
  target: z.array(id).optional(),
  fields: fields.optional(),
});

const collection = z.strictObject({ id, title: localized, fields });

const command = z.strictObject({ id, title: localized, category: localized.optional(), icon: icon.optional(), when: when.optional() });

const keybinding = z.strictObject({
  key: z.string().superRefine((key, ctx) => {
    const parsed = parseKeybindingKey(key);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, params: { code: 'manifest/invalid-key' } });
  }),
  command: id,
  when: when.optional(),
  args: z.unknown().optional(),
});

const menuItem = z.strictObject({ command: id, when: when.optional(), group: z.string().regex(/^[\w-]+(@\d+)?$/).optional() });
const menus = z.strictObject({
  'canvas/context': z.array(menuItem).default([]),
  'node/context': z.array(menuItem).default([]),
  'edge/context': z.array(menuItem).default([]),
  toolbar: z.array(menuItem).default([]),
});

const sidebarView = z.strictObject({ id, title: localized, icon, when: when.optional() });
const panelView = z.strictObject({ id, title: localized, icon: icon.optional(), when: when.optional() });

const statusBarItem = z.strictObject({
  id,
  name: localized,
  alignment: z.enum(['left', 'right']).optional(),
  priority: z.number().optional(),
  text: localized.optional(),
  tooltip: localized.optional(),
  command: id.optional(),
  when: when.optional(),
});

const template = z.strictObject({ id, title: localized, description: localized.optional(), icon: icon.optional() });
const exporter = z.strictObject({
  id,
  title: localized,
  fileExtension: z.string().regex(/^[a-z0-9]{1,10}$/),
  mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
});
const diagnosticProvider = z.strictObject({ id, title: localized });
const setting = z
  .strictObject({
    key: id,
    title: localized,
    description: localized.optional(),
    type: z.enum(['boolean', 'number', 'string', 'select']),
    default: z.union([z.string(), z.number(), z.boolean()]),
    options: z.array(z.strictObject({ value: z.string(), label: localized })).optional(),
  })
  .superRefine((s, ctx) => {
    const expected = s.type === 'select' ? 'string' : s.type;
    if (typeof s.default !== expected) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: `default must be a ${expected}`, params: { code: 'manifest/invalid-default' } });
    }
  });

const iconContribution = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'lowercase words joined by "-"' }),
  // Path data only (commands, numbers, separators): nothing a browser could run or fetch.
  path: z.string().min(1).max(4000).regex(/^[MmLlHhVvCcSsQqTtAaZz0-9\s,.+-]+$/, { message: 'SVG path data' }),
});

const suggestion = z.strictObject({
  id,
  kind: id,
  title: localized,
  namePlaceholder: localized.optional(),
  notePlaceholder: localized.optional(),
  noteField: z.string().regex(/^[A-Za-z][\w]*$/).optional(),
  relatesTo: z.strictObject({ kinds: z.array(id).min(1), edgeKind: id, label: localized }).optional(),
});

const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

export const manifestSchema = z
  .strictObject({
    id,
    name: localized,
    version: z.string().regex(/^\d+\.\d+\.\d+([-+][\w.-]+)?$/, { message: 'a version like 1.0.0' }),
    description: localized.optional(),
    contributes: z
      .strictObject({
        icons: list(iconContribution),
        nodeKinds: list(nodeKind),
        edgeKinds: list(edgeKind),
        collections: list(collection),
        commands: list(command),
        keybindings: list(keybinding),
        menus: menus.default({ 'canvas/context': [], 'node/context': [], 'edge/context': [], toolbar: [] }),
        views: z
          .strictObject({ sidebar: list(sidebarView), panel: list(panelView) })
          .default({ sidebar: [], panel: [] }),
        statusBarItems: list(statusBarItem),
        templates: list(template),
        exporters: list(exporter),
        diagnosticProviders: list(diagnosticProvider),
        settings: list(setting),
        suggestions: list(suggestion),
      })
      .default({
        icons: [],
        nodeKinds: [],
        edgeKinds: [],
        collections: [],
        commands: [],
        keybindings: [],
        menus: { 'canvas/context': [], 'node/context': [], 'edge/context': [], toolbar: [] },
        views: { sidebar: [], panel: [] },
        statusBarItems: [],
        templates: [],
        exporters: [],
        diagnosticProviders: [],
        settings: [],
        suggestions: [],
      }),
  })
  .superRefine((m, ctx) => {
    const c = m.contributes;
    uniqueBy(c.icons, (x) => x.id, ctx, ['contributes', 'icons']);
    uniqueBy(c.nodeKinds, (x) => x.id, ctx, ['contributes', 'nodeKinds']);
    uniqueBy(c.edgeKinds, (x) => x.id, ctx, ['contributes', 'edgeKinds']);
    uniqueBy(c.collections, (x) => x.id, ctx, ['contributes', 'collections']);
    uniqueBy(c.commands, (x) => x.id, ctx, ['contributes', 'commands']);
    uniqueBy([...c.views.sidebar, ...c.views.panel], (x) => x.id, ctx, ['contributes', 'views']);
    uniqueBy(c.statusBarItems, (x) => x.id, ctx, ['contributes', 'statusBarItems']);
    uniqueBy(c.templates, (x) => x.id, ctx, ['contributes', 'templates']);
    uniqueBy(c.exporters, (x) => x.id, ctx, ['contributes', 'exporters']);
    uniqueBy(c.diagnosticProviders, (x) => x.id, ctx, ['contributes', 'diagnosticProviders']);
    uniqueBy(c.settings, (x) => x.key, ctx, ['contributes', 'settings']);
    uniqueBy(c.suggestions, (x) => x.id, ctx, ['contributes', 'suggestions']);
  });

function uniqueBy<T>(items: T[], key: (item: T) => string, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i],
        message: `"${k}" is declared twice`,
        params: { code: 'manifest/duplicate-id' },
      });
    }
    seen.add(k);
  });
}
