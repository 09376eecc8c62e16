import { Disposable, DisposableStore } from '../../shared/plugin/Disposable';
import { MENU_IDS, type ResolvedManifest } from '../../shared/plugin/manifest';
import type { HostServices } from './HostServices';
import { HostError } from './HostError';
import { ICON_NAMES } from './ui/Icon';

/**
 * Puts everything a manifest declares into the registries, so it shows before (and without) activation.
 * All or nothing: when one declaration clashes with another extension's, the ones already made are undone.
 */
export function declareContributions(services: HostServices, manifest: ResolvedManifest): Disposable {
  const id = manifest.id;
  const c = manifest.contributes;
  const store = new DisposableStore();
  try {
    for (const icon of c.icons) {
      if (ICON_NAMES.includes(icon.id)) throw new HostError('host/duplicate-registration', `icon "${icon.id}" is one of the host's own`, id);
      store.add(services.icons.declare(id, icon));
    }
    for (const k of c.nodeKinds) store.add(services.nodeKinds.declare(id, k));
    for (const k of c.edgeKinds) store.add(services.edgeKinds.declare(id, k));
    for (const k of c.collections) store.add(services.collections.declare(id, k));
    for (const cmd of c.commands) store.add(services.commands.declare(id, cmd));
    for (const kb of c.keybindings) store.add(services.keybindings.register(id, kb));
    for (const menu of MENU_IDS) for (const item of c.menus[menu]) store.add(services.menus.register(menu, id, item));
    for (const v of c.views.sidebar) store.add(services.views.declare(id, { ...v, location: 'sidebar' }));
    for (const v of c.views.panel) store.add(services.views.declare(id, { ...v, location: 'panel' }));
    for (const s of c.statusBarItems) store.add(services.statusBar.declared.declare(id, s));
    for (const t of c.templates) store.add(services.templates.declare(id, t));
    for (const e of c.exporters) store.add(services.exporters.declare(id, e));
    for (const d of c.diagnosticProviders) store.add(services.diagnosticProviders.declare(id, d));
    for (const s of c.settings) store.add(services.settings.declared.declare(id, s));
    for (const s of c.suggestions) store.add(services.suggestions.declare(id, s));
  } catch (err) {
    store.dispose();
    throw err;
  }
  return new Disposable(() => store.dispose());
}
