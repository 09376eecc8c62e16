import type { SettingContribution } from '../../../shared/plugin/manifest';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import { readStored, writeStored } from '../browserStorage';
import { ContributionRegistry } from '../registries/ContributionRegistry';

const STORAGE_KEY = 'mantelkaart:settings';
type SettingValue = string | number | boolean;

function readAll(): Record<string, SettingValue> {
  const raw = readStored(STORAGE_KEY);
  const out: Record<string, SettingValue> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  return out;
}

/** Declared settings and their values in this browser; a stored value of the wrong type falls back to the default. */
export class SettingsStore {
  readonly declared = new ContributionRegistry<SettingContribution, never>('setting', (s) => s.key);
  private values = readAll();
  private readonly changed = new Emitter<string>();
  /** Fires with the key of the setting that changed. */
  readonly onDidChangeSetting: Event<string> = this.changed.event;

  /** The value of a declared setting, or undefined for an undeclared key. */
  get(key: string): SettingValue | undefined {
    const decl = this.declared.get(key)?.declaration;
    if (!decl) return undefined;
    const v = this.values[key];
    const expected = decl.type === 'select' ? 'string' : decl.type;
    if (typeof v !== expected) return decl.default;
    if (decl.type === 'select' && !decl.options?.some((o) => o.value === v)) return decl.default;
    return v;
  }

  /** Changes a declared setting; ignored for undeclared keys and values of the wrong type. */
  update(key: string, value: SettingValue): void {
    const decl = this.declared.get(key)?.declaration;
    if (!decl || typeof value !== (decl.type === 'select' ? 'string' : decl.type)) return;
    this.values = { ...this.values, [key]: value };
    writeStored(STORAGE_KEY, this.values);
    this.changed.fire(key);
  }
}
