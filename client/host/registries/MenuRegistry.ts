import type { MenuId, MenuItemContribution } from '../../../shared/plugin/manifest';
import { Disposable } from '../../../shared/plugin/Disposable';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import { matchesWhen, type WhenContext } from '../../../shared/plugin/whenClause';

export interface RegisteredMenuItem extends MenuItemContribution {
  extensionId: string;
}

/** A run of menu entries between separators. */
export interface MenuGroup {
  group: string;
  items: RegisteredMenuItem[];
}

function splitGroup(group: string | undefined): [string, number] {
  const [name, order] = (group ?? 'z_other').split('@');
  return [name, order === undefined ? Number.MAX_SAFE_INTEGER : Number(order)];
}

/** Menu entries (context menus, toolbar) from manifests; each entry runs a command. */
export class MenuRegistry {
  private readonly items = new Map<MenuId, RegisteredMenuItem[]>();
  private readonly changed = new Emitter<MenuId>();
  /** Fires with the menu whose entries changed. */
  readonly onDidChange: Event<MenuId> = this.changed.event;

  /** Adds an entry to a menu. */
  register(menu: MenuId, extensionId: string, item: MenuItemContribution): Disposable {
    const entry: RegisteredMenuItem = { ...item, extensionId };
    const list = this.items.get(menu) ?? [];
    list.push(entry);
    this.items.set(menu, list);
    this.changed.fire(menu);
    return new Disposable(() => {
      const i = list.indexOf(entry);
      if (i >= 0) {
        list.splice(i, 1);
        this.changed.fire(menu);
      }
    });
  }

  /**
   * The entries to show now, grouped and sorted by their `group` (`1_create@2`): entries whose own `when` or whose
   * command's `when` is false, and entries for commands nobody declared or implemented, are left out.
   */
  getGroups(menu: MenuId, context: WhenContext, command: (id: string) => { when?: string; available: boolean } | undefined): MenuGroup[] {
    const visible = (this.items.get(menu) ?? []).filter((item) => {
      const c = command(item.command);
      return c !== undefined && c.available && matchesWhen(item.when, context) && matchesWhen(c.when, context);
    });
    const sorted = visible
      .map((item, index) => ({ item, index, key: splitGroup(item.group) }))
      .sort((a, b) => (a.key[0] < b.key[0] ? -1 : a.key[0] > b.key[0] ? 1 : a.key[1] - b.key[1] || a.index - b.index));
    const groups: MenuGroup[] = [];
    for (const { item, key } of sorted) {
      const last = groups[groups.length - 1];
      if (last && last.group === key[0]) last.items.push(item);
      else groups.push({ group: key[0], items: [item] });
    }
    return groups;
  }
}
