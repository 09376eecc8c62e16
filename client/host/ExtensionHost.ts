import { canEdit } from '../../shared/protocol/roles';
import { DisposableStore, type IDisposable } from '../../shared/plugin/Disposable';
import { Emitter, type Event } from '../../shared/plugin/Emitter';
import { formatManifestErrors, parseManifest, type ManifestError } from '../../shared/plugin/parseManifest';
import type { ResolvedManifest } from '../../shared/plugin/manifest';
import type { ExtensionContext, ExtensionModule } from './api';
import { readStored, writeStored } from './browserStorage';
import { createExtensionApi } from './createExtensionApi';
import { declareContributions } from './declareContributions';
import { HostError, type HostErrorCode } from './HostError';
import type { HostServices } from './HostServices';

export type ExtensionState = 'active' | 'failed';

/** What the host knows about one extension it tried to load. */
export interface ExtensionStatus {
  id: string;
  state: ExtensionState;
  manifest?: ResolvedManifest;
  /** Why it failed: a stable code and a message naming the extension. */
  error?: { code: HostErrorCode; message: string; manifestErrors?: ManifestError[] };
}

interface Loaded {
  module: ExtensionModule;
  /** Declarations, registrations, subscriptions: everything the extension left in the host. */
  store: DisposableStore;
  context: ExtensionContext;
}

function storageFor(extensionId: string): ExtensionContext['storage'] {
  const key = `mantelkaart:ext:${extensionId}`;
  const read = (): Record<string, unknown> => {
    const raw = readStored(key);
    return typeof raw === 'object' && raw !== null ? { ...raw } : {};
  };
  return {
    get(k: string): unknown {
      return read()[k];
    },
    set(k: string, value: unknown) {
      const all = read();
      if (value === undefined) delete all[k];
      else all[k] = value;
      writeStored(key, all);
    },
  };
}

/**
 * Loads extensions: manifest through the gate, declarations into the registries, then `activate`. A bad manifest
 * or a throwing `activate` leaves no trace and is reported with the extension's id; the others keep working.
 */
export class ExtensionHost implements IDisposable {
  private readonly loaded = new Map<string, Loaded>();
  private statuses: ExtensionStatus[] = [];
  private readonly changed = new Emitter<ExtensionStatus[]>();
  /** Fires when an extension is activated, fails or is deactivated. */
  readonly onDidChangeExtensions: Event<ExtensionStatus[]> = this.changed.event;

  constructor(private readonly services: HostServices) {}

  /** Every extension tried, active or failed. */
  getStatuses = (): ExtensionStatus[] => this.statuses;

  /** Gate, declare and activate one extension; resolves with its status (never rejects). */
  async activate(module: ExtensionModule): Promise<ExtensionStatus> {
    const parsed = parseManifest(module.manifest);
    if (!parsed.ok) {
      return this.fail(parsed.extensionId, 'host/manifest-invalid', `the manifest is invalid:\n${formatManifestErrors(parsed.errors)}`, parsed.errors);
    }
    const manifest = parsed.manifest;
    if (this.loaded.has(manifest.id)) {
      return this.fail(manifest.id, 'host/extension-duplicate', 'an extension with this id is already active', undefined, manifest);
    }
    const store = new DisposableStore();
    try {
      store.add(declareContributions(this.services, manifest));
    } catch (err) {
      store.dispose();
      return this.fail(manifest.id, err instanceof HostError ? err.code : 'host/manifest-invalid', err instanceof HostError ? err.detail : messageOf(err), undefined, manifest);
    }
    const subscriptions: IDisposable[] = [];
    // Added after the declarations, so (newest first) subscriptions are disposed before what they depend on.
    store.add({ dispose: () => disposeAll(subscriptions) });
    const context: ExtensionContext = { extensionId: manifest.id, manifest, subscriptions, storage: storageFor(manifest.id) };
    const api = createExtensionApi(this.services, manifest.id, store);
    this.loaded.set(manifest.id, { module, store, context });
    try {
      await module.activate(context, api);
      // Editing tools load only for links that can use them (issue 17: a phone on a view link never fetches them).
      if (module.editing && canEdit(this.services.session.role)) await (await module.editing()).activate(context, api);
    } catch (err) {
      this.loaded.delete(manifest.id);
      store.dispose();
      return this.fail(manifest.id, 'host/activation-failed', `activate threw: ${messageOf(err)}`, undefined, manifest);
    }
    return this.setStatus({ id: manifest.id, state: 'active', manifest });
  }

  /** Runs `deactivate` and removes every contribution, registration and subscription of the extension. */
  async deactivate(extensionId: string): Promise<void> {
    const entry = this.loaded.get(extensionId);
    if (!entry) return;
    this.loaded.delete(extensionId);
    try {
      await entry.module.deactivate?.();
    } catch (err) {
      console.error(`[host/deactivation-failed] ${extensionId}:`, err);
    }
    entry.store.dispose();
    this.statuses = this.statuses.filter((s) => s.id !== extensionId);
    this.changed.fire(this.statuses);
  }

  /** Deactivates every extension, newest first. */
  async dispose(): Promise<void> {
    for (const id of [...this.loaded.keys()].reverse()) await this.deactivate(id);
  }

  private fail(id: string, code: HostErrorCode, message: string, manifestErrors?: ManifestError[], manifest?: ResolvedManifest): ExtensionStatus {
    console.error(`[${code}] extension ${id}: ${message}`);
    const name = manifest ? `${manifest.name.nl} (${id})` : id;
    this.services.notifications.show(
      'error',
      this.services.localize({
        nl: `Uitbreiding ${name} kon niet starten: ${firstLine(message)}. De rest van de werkplek werkt gewoon; meld dit aan de maker van de uitbreiding.`,
        en: `Extension ${name} could not start: ${firstLine(message)}. The rest of the workspace keeps working; report this to the extension's author.`,
      }),
      id,
    );
    return this.setStatus({ id, state: 'failed', manifest, error: { code, message: `${id}: ${message}`, manifestErrors } });
  }

  private setStatus(status: ExtensionStatus): ExtensionStatus {
    this.statuses = [...this.statuses.filter((s) => s.id !== status.id), status];
    this.changed.fire(this.statuses);
    return status;
  }
}

function disposeAll(items: IDisposable[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    try {
      items[i].dispose();
    } catch (err) {
      console.error('[plugin/dispose-failed]', err);
    }
  }
  items.length = 0;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function firstLine(s: string): string {
  const lines = s.split('\n');
  return lines.length > 1 ? `${lines[0]} ${lines[1]}` : s;
}
