import { describe, expect, it } from 'vitest';
import { formatManifestErrors, parseManifest } from '../../../shared/plugin/parseManifest';

const minimal = { id: 'acme.demo', name: { nl: 'Demo', en: 'Demo' }, version: '1.0.0' };

describe('the manifest gate', () => {
  it('accepts a minimal manifest and fills every contribution list', () => {
    const r = parseManifest(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.manifest.contributes.commands).toEqual([]);
    expect(r.manifest.contributes.menus['node/context']).toEqual([]);
    expect(r.manifest.contributes.views).toEqual({ sidebar: [], panel: [] });
  });

  it('takes icons as SVG path data only, so a manifest cannot smuggle markup or a URL into the page', () => {
    const icon = (path: string) => parseManifest({ ...minimal, contributes: { icons: [{ id: 'acme-star', path }] } });
    const ok = icon('M12 2l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z');
    expect(ok.ok && ok.manifest.contributes.icons).toEqual([{ id: 'acme-star', path: 'M12 2l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z' }]);
    expect(icon('"/><script>alert(1)</script>').ok).toBe(false);
    expect(icon('url(https://example.com/x.svg)').ok).toBe(false);
  });

  it('accepts a full manifest', () => {
    const r = parseManifest({
      ...minimal,
      contributes: {
        nodeKinds: [
          {
            id: 'acme.person',
            title: { nl: 'Persoon', en: 'Person' },
            icon: 'user',
            color: '#1f6feb',
            shape: 'rounded',
            defaultSize: { width: 200, height: 80 },
            fields: [{ key: 'hours', type: 'number', label: { nl: 'Uren', en: 'Hours' }, min: 0 }],
          },
        ],
        edgeKinds: [{ id: 'acme.knows', title: { nl: 'kent', en: 'knows' }, source: ['acme.person'], style: { dash: 'dashed' } }],
        commands: [{ id: 'acme.hello', title: { nl: 'Hallo', en: 'Hello' }, when: 'canEdit && selectionCount == 1' }],
        keybindings: [{ key: '$mod+Shift+H', command: 'acme.hello', when: '!readOnly' }],
        menus: { 'node/context': [{ command: 'acme.hello', group: '1_edit@2' }] },
        views: { sidebar: [{ id: 'acme.view', title: { nl: 'Weergave', en: 'View' }, icon: 'list' }] },
        statusBarItems: [{ id: 'acme.status', name: { nl: 'Status', en: 'Status' }, alignment: 'right', priority: 5 }],
        templates: [{ id: 'acme.empty', title: { nl: 'Leeg', en: 'Empty' } }],
        exporters: [{ id: 'acme.csv', title: { nl: 'CSV', en: 'CSV' }, fileExtension: 'csv', mimeType: 'text/csv' }],
        diagnosticProviders: [{ id: 'acme.checks', title: { nl: 'Controles', en: 'Checks' } }],
        settings: [{ key: 'acme.showHours', title: { nl: 'Uren tonen', en: 'Show hours' }, type: 'boolean', default: true }],
      },
    });
    expect(r.ok ? [] : formatManifestErrors(r.errors)).toEqual([]);
  });

  it('names the extension and codes each problem', () => {
    const r = parseManifest({
      ...minimal,
      contributes: {
        commands: [
          { id: 'acme.hello', title: { nl: 'Hallo', en: 'Hello' }, when: 'canEdit &&' },
          { id: 'acme.hello', title: { nl: 'Hallo', en: 'Hello' } },
        ],
        keybindings: [{ key: 'Ctrl+H', command: 'acme.hello' }],
        nodeKinds: [{ id: 'acme.x', title: { nl: 'X' }, color: 'blue' }],
        menuz: {},
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.extensionId).toBe('acme.demo');
    const codes = r.errors.map((e) => `${e.code} ${e.path}`);
    expect(codes).toContain('manifest/unknown-key contributes');
    expect(codes).toContain('manifest/invalid-when contributes.commands.0.when');
    expect(codes).toContain('manifest/invalid-key contributes.keybindings.0.key');
    expect(codes).toContain('manifest/invalid-type contributes.nodeKinds.0.title.en');
    expect(codes).toContain('manifest/invalid-format contributes.nodeKinds.0.color');
    expect(r.errors.every((e) => e.extensionId === 'acme.demo')).toBe(true);
  });

  it('reports duplicate ids', () => {
    const r = parseManifest({
      ...minimal,
      contributes: {
        commands: [
          { id: 'acme.a', title: { nl: 'A', en: 'A' } },
          { id: 'acme.a', title: { nl: 'B', en: 'B' } },
        ],
      },
    });
    expect(!r.ok && r.errors.map((e) => `${e.code} ${e.path}`)).toEqual(['manifest/duplicate-id contributes.commands.1']);
  });

  it('rejects a setting whose default does not match its type', () => {
    const r = parseManifest({
      ...minimal,
      contributes: { settings: [{ key: 'acme.n', title: { nl: 'N', en: 'N' }, type: 'number', default: 'three' }] },
    });
    expect(!r.ok && r.errors[0].code).toBe('manifest/invalid-default');
  });

  it('handles what is not a manifest at all', () => {
    for (const input of [null, 42, 'x', [], undefined]) {
      const r = parseManifest(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.extensionId).toBe('(unknown)');
    }
    const r = parseManifest({ id: 'Bad Id!' });
    expect(!r.ok && r.errors.some((e) => e.path === 'id' && e.code === 'manifest/invalid-format')).toBe(true);
  });
});

describe('the manifest gate and stored kind ids', () => {
  it('accepts camelCase kind ids (they are stored in maps) and a background layer, but not an uppercase start', () => {
    const ok = parseManifest({
      ...minimal,
      contributes: {
        nodeKinds: [{ id: 'keyFigure', title: { nl: 'Sleutelfiguur', en: 'Key figure' } }, { id: 'area', title: { nl: 'Vlak', en: 'Area' }, layer: 'background' }],
        edgeKinds: [{ id: 'meetsAt', title: { nl: 'komt samen in', en: 'meets at' } }],
      },
    });
    expect(ok.ok ? [] : formatManifestErrors(ok.errors)).toEqual([]);
    expect(parseManifest({ ...minimal, contributes: { nodeKinds: [{ id: 'KeyFigure', title: { nl: 'X', en: 'X' } }] } }).ok).toBe(false);
    expect(parseManifest({ ...minimal, contributes: { nodeKinds: [{ id: 'area', title: { nl: 'X', en: 'X' }, layer: 'front' }] } }).ok).toBe(false);
  });
});
