import { Disposable } from '../../../shared/plugin/Disposable';
import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import { HostError } from '../HostError';

/** A declared contribution, with the extension that declared it and, once activated, its implementation. */
export interface Contribution<D, I> {
  id: string;
  extensionId: string;
  declaration: D;
  implementation: I | undefined;
}

/**
 * The pattern behind most registries: a manifest *declares* an id (so the host can show it before activation),
 * `activate` *implements* it. Both return a Disposable; disposing the declaration removes the contribution.
 */
export class ContributionRegistry<D extends object, I> {
  private readonly entries = new Map<string, Contribution<D, I>>();
  private readonly changed = new Emitter<void>();
  /** Fires after any declaration or implementation was added or removed. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    /** What the registry holds, for error messages: "view", "node kind". */
    private readonly what: string,
    private readonly idOf: (declaration: D) => string,
  ) {}

  /** Adds a declared contribution; fails when another extension already declared the same id. */
  declare(extensionId: string, declaration: D): Disposable {
    const id = this.idOf(declaration);
    const existing = this.entries.get(id);
    if (existing) {
      throw new HostError('host/duplicate-registration', `${this.what} "${id}" is already declared by ${existing.extensionId}`, extensionId);
    }
    const entry: Contribution<D, I> = { id, extensionId, declaration, implementation: undefined };
    this.entries.set(id, entry);
    this.changed.fire();
    return new Disposable(() => {
      if (this.entries.get(id) === entry) {
        this.entries.delete(id);
        this.changed.fire();
      }
    });
  }

  /** Supplies the behaviour of a declared id; fails for ids nobody declared or that already have one. */
  implement(id: string, implementation: I, extensionId?: string): Disposable {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new HostError('host/undeclared-contribution', `${this.what} "${id}" is not declared in any manifest; add it to contributes`, extensionId);
    }
    if (entry.implementation !== undefined) {
      throw new HostError('host/duplicate-registration', `${this.what} "${id}" already has an implementation`, extensionId);
    }
    entry.implementation = implementation;
    this.changed.fire();
    return new Disposable(() => {
      if (this.entries.get(id) === entry && entry.implementation === implementation) {
        entry.implementation = undefined;
        this.changed.fire();
      }
    });
  }

  /** The contribution with this id, declared by any extension. */
  get(id: string): Contribution<D, I> | undefined {
    return this.entries.get(id);
  }

  /** Every declared contribution, in declaration order. */
  all(): Contribution<D, I>[] {
    return [...this.entries.values()];
  }

  /** Contributions that have an implementation. */
  implemented(): (Contribution<D, I> & { implementation: I })[] {
    return this.all().filter((c): c is Contribution<D, I> & { implementation: I } => c.implementation !== undefined);
  }
}
