/**
 * The zod schema behind `parseManifest`; kept apart so the gate itself stays short. zod/mini rather than zod: this
 * runs on every map, a phone's view link included, and the mini build is a fraction of the size and much cheaper
 * to construct (a classic schema attaches dozens of methods to every instance).
 */
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { parseKeybindingKey } from './keybindingKey';
import { parseWhen } from './whenClause';

// The mini build carries no messages of its own; the manifest errors a developer reads are the usual English ones.
z.config(en());

/**
 * Ids of contributions and extensions: words joined by `.`, `-` or `_`, each starting lowercase. camelCase is
 * allowed because node and edge kind ids are stored in every map (`keyFigure`), and renaming them needs a migration.
 */
export const CONTRIBUTION_ID = /^[a-z0-9][a-zA-Z0-9_-]*(\.[a-z0-9][a-zA-Z0-9_-]*)*$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

const id = z.string().check(z.regex(CONTRIBUTION_ID, { message: 'words starting lowercase, joined by ".", "-" or "_"' }));
const text = z.string().check(z.minLength(1));
const localized = z.strictObject({ nl: text, en: text });
const icon = z.string().check(z.minLength(1), z.maxLength(40));

const when = z.string().check(
  z.superRefine((src, ctx) => {
    const parsed = parseWhen(src);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: 'manifest/invalid-when' } });
  }),
);

const opt = z.optional;
const fieldOption = z.strictObject({ value: z.string(), label: localized });
const fieldSchema = z.strictObject({
  key: z.string().check(z.regex(/^[A-Za-z][\w]*$/)),
  type: z.enum(['text', 'longtext', 'number', 'boolean', 'select', 'multiselect', 'tags', 'date', 'month', 'nodeRef', 'nodeRefs', 'phone', 'email']),
  label: localized,
  description: opt(localized),
  options: opt(z.array(fieldOption)),
  suggestions: opt(z.array(z.string())),
  min: opt(z.number()),
  max: opt(z.number()),
  step: opt(z.number().check(z.positive())),
  unit: opt(localized),
  required: opt(z.boolean()),
  private: opt(z.boolean()),
  refKinds: opt(z.array(z.string())),
});
const fields = z.array(fieldSchema).check(z.superRefine((list, ctx) => uniqueBy(list, (f) => f.key, ctx, [])));

const hexColor = (message?: string) => z.string().check(z.regex(HEX_COLOR, message ? { message } : undefined));
const between = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));

const nodeKind = z.strictObject({
  id,
  title: localized,
  icon: opt(icon),
  color: opt(hexColor('a colour like #1f6feb')),
  shape: opt(z.enum(['rectangle', 'rounded', 'pill', 'ellipse', 'diamond', 'hexagon', 'note'])),
  fields: opt(fields),
  defaultSize: opt(z.strictObject({ width: between(20, 2000), height: between(20, 2000) })),
  layer: opt(z.enum(['background'])),
});

const edgeKind = z.strictObject({
  id,
  title: localized,
  style: opt(
    z.strictObject({
      color: opt(hexColor()),
      dash: opt(z.enum(['solid', 'dashed', 'dotted'])),
      width: opt(between(0.5, 12)),
      arrow: opt(z.enum(['none', 'end', 'both'])),
    }),
  ),
  source: opt(z.array(id)),
  target: opt(z.array(id)),
  fields: opt(fields),
});

const collection = z.strictObject({ id, title: localized, fields });

const command = z.strictObject({ id, title: localized, category: opt(localized), icon: opt(icon), when: opt(when) });

const keybinding = z.strictObject({
  key: z.string().check(
    z.superRefine((key, ctx) => {
      const parsed = parseKeybindingKey(key);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, params: { code: 'manifest/invalid-key' } });
    }),
  ),
  command: id,
  when: opt(when),
  args: opt(z.unknown()),
});

const menuItem = z.strictObject({ command: id, when: opt(when), group: opt(z.string().check(z.regex(/^[\w-]+(@\d+)?$/))) });
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);
const menus = z.strictObject({
  'canvas/context': list(menuItem),
  'node/context': list(menuItem),
  'edge/context': list(menuItem),
  toolbar: list(menuItem),
});

const sidebarView = z.strictObject({ id, title: localized, icon, when: opt(when) });
const panelView = z.strictObject({ id, title: localized, icon: opt(icon), when: opt(when) });

const statusBarItem = z.strictObject({
  id,
  name: localized,
  alignment: opt(z.enum(['left', 'right'])),
  priority: opt(z.number()),
  text: opt(localized),
  tooltip: opt(localized),
  command: opt(id),
  when: opt(when),
});

const template = z.strictObject({ id, title: localized, description: opt(localized), icon: opt(icon) });
const exporter = z.strictObject({
  id,
  title: localized,
  fileExtension: z.string().check(z.regex(/^[a-z0-9]{1,10}$/)),
  mimeType: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/)),
});
const diagnosticProvider = z.strictObject({ id, title: localized });
const setting = z
  .strictObject({
    key: id,
    title: localized,
    description: opt(localized),
    type: z.enum(['boolean', 'number', 'string', 'select']),
    default: z.union([z.string(), z.number(), z.boolean()]),
    options: opt(z.array(z.strictObject({ value: z.string(), label: localized }))),
  })
  .check(
    z.superRefine((s, ctx) => {
      const expected = s.type === 'select' ? 'string' : s.type;
      if (typeof s.default !== expected) {
        ctx.addIssue({ code: 'custom', path: ['default'], message: `default must be a ${expected}`, params: { code: 'manifest/invalid-default' } });
      }
    }),
  );

const iconContribution = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'lowercase words joined by "-"' })),
  // Path data only (commands, numbers, separators): nothing a browser could run or fetch.
  path: z.string().check(z.minLength(1), z.maxLength(4000), z.regex(/^[MmLlHhVvCcSsQqTtAaZz0-9\s,.+-]+$/, { message: 'SVG path data' })),
});

const suggestion = z.strictObject({
  id,
  kind: id,
  title: localized,
  namePlaceholder: opt(localized),
  notePlaceholder: opt(localized),
  noteField: opt(z.string().check(z.regex(/^[A-Za-z][\w]*$/))),
  relatesTo: opt(z.strictObject({ kinds: z.array(id).check(z.minLength(1)), edgeKind: id, label: localized })),
});

export const manifestSchema = z
  .strictObject({
    id,
    name: localized,
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+([-+][\w.-]+)?$/, { message: 'a version like 1.0.0' })),
    description: opt(localized),
    contributes: z._default(
      z.strictObject({
        icons: list(iconContribution),
        nodeKinds: list(nodeKind),
        edgeKinds: list(edgeKind),
        collections: list(collection),
        commands: list(command),
        keybindings: list(keybinding),
        menus: z._default(menus, { 'canvas/context': [], 'node/context': [], 'edge/context': [], toolbar: [] }),
        views: z._default(z.strictObject({ sidebar: list(sidebarView), panel: list(panelView) }), { sidebar: [], panel: [] }),
        statusBarItems: list(statusBarItem),
        templates: list(template),
        exporters: list(exporter),
        diagnosticProviders: list(diagnosticProvider),
        settings: list(setting),
        suggestions: list(suggestion),
      }),
      {
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
      },
    ),
  })
  .check(
    z.superRefine((m, ctx) => {
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
    }),
  );

function uniqueBy<T>(items: T[], key: (item: T) => string, ctx: z.core.$RefinementCtx, path: (string | number)[]): void {
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
