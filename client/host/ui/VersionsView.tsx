import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { deleteVersion, listVersions, prepareRestore, readVersion, renameVersion, saveVersion, type MapVersion } from '../../api/versionsApi';
import { restoreNode, restoreSnapshot } from '../../../shared/model/restoreSnapshot';
import { VOTES_COLLECTION } from '../../../shared/participation/votes';
import type { MapSnapshot } from '../../../shared/model/schema';
import { canEdit } from '../../../shared/protocol/roles';
import type { LocalizedText } from '../api';
import { useHost, useLocalize } from './HostContext';
import { VersionChanges } from './VersionChanges';
import './versions.css';

const AUTOMATIC: Record<string, LocalizedText> = {
  leave: { nl: 'Automatisch, na de werksessie', en: 'Automatic, after the session' },
  daily: { nl: 'Automatisch, dagelijks', en: 'Automatic, daily' },
  restore: { nl: 'Automatisch, voor het terugzetten', en: 'Automatic, before a restore' },
  template: { nl: 'Automatisch, voor een sjabloon', en: 'Automatic, before a template' },
  import: { nl: 'Automatisch, voor een import', en: 'Automatic, before an import' },
};

/** Vote results record what happened in the sessions: bringing the map back leaves them as they are now. */
const KEEP = { keepCollections: [VOTES_COLLECTION] };

/**
 * The Versies side view: save the map as a named version, see every version (named and automatic) with who saved
 * it and what it held, compare one with now (the changes listed and marked on the canvas), bring back one card or
 * the whole map (one change on top of the present, undone with Ctrl+Z), rename, and (owner) delete.
 */
export function VersionsView() {
  const { services } = useHost();
  const localize = useLocalize();
  const { session } = services;
  const editor = canEdit(session.role);
  const owner = session.role === 'owner';
  const lang = localize({ nl: 'nl', en: 'en' }) as 'nl' | 'en';
  const [versions, setVersions] = useState<MapVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const comparison = useSyncExternalStore(services.comparison.subscribe, services.comparison.get);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setVersions(await listVersions(session.room, session.token));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [session]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      void refresh();
    }
  };
  const when = (at: number) => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const title = (v: MapVersion) => (v.automatic ? localize(AUTOMATIC[v.reason] ?? { nl: 'Automatisch', en: 'Automatic' }) : v.name);

  const save = () =>
    run(async () => {
      const given = name.trim() || localize({ nl: `Werksessie ${when(Date.now())}`, en: `Session ${when(Date.now())}` });
      await saveVersion(session.room, session.token, { name: given, by: session.userName?.() || undefined });
      setName('');
      services.notifications.show('info', localize({ nl: `Versie “${given}” opgeslagen.`, en: `Version “${given}” saved.` }), 'core');
    });
  const restore = (v: MapVersion) =>
    run(async () => {
      const ok = window.confirm(localize({ nl: `De hele kaart terugzetten naar “${title(v)}”? De kaart van nu wordt eerst als versie bewaard, en Ctrl+Z maakt het ongedaan.`, en: `Bring the whole map back to “${title(v)}”? The map as it is now is kept as a version first, and Ctrl+Z undoes it.` }));
      if (!ok) return;
      const snapshot = await prepareRestore(session.room, session.token, v.id, session.userName?.() || undefined);
      session.stopCapturing();
      restoreSnapshot(session.doc, snapshot, session.origin, KEEP);
      session.stopCapturing();
      services.notifications.show('info', localize({ nl: `De kaart staat weer zoals in “${title(v)}”. Ctrl+Z maakt het ongedaan.`, en: `The map is back as in “${title(v)}”. Ctrl+Z undoes it.` }), 'core');
    });
  const compared = (v: MapVersion, snapshot: MapSnapshot) => ({ id: v.id, title: title(v), createdAt: v.createdAt, snapshot });
  const compare = (v: MapVersion) => run(async () => services.comparison.start(compared(v, await readVersion(session.room, session.token, v.id))));
  const bringBack = (id: string) => {
    if (!comparison) return;
    session.stopCapturing();
    restoreNode(session.doc, comparison.base.snapshot, id, session.origin, KEEP);
    session.stopCapturing();
  };

  if (comparison) {
    const base = comparison.base;
    const later = (versions ?? []).filter((v) => v.createdAt > base.createdAt);
    return (
      <VersionChanges
        title={base.title}
        when={when(base.createdAt)}
        changes={comparison.changes}
        canRestore={editor && !comparison.until}
        onBringBack={bringBack}
        onClose={() => services.comparison.stop()}
        until={{
          options: later.map((v) => ({ id: v.id, label: `${title(v)} (${when(v.createdAt)})` })),
          value: comparison.until?.id ?? '',
          onChange: (id) => {
            const v = later.find((x) => x.id === id);
            if (!v) return services.comparison.setUntil(null);
            void run(async () => services.comparison.setUntil(compared(v, await readVersion(session.room, session.token, v.id))));
          },
        }}
        includeMoves={comparison.includeMoves}
        onIncludeMoves={(on) => services.comparison.setIncludeMoves(on)}
      />
    );
  }
  return (
    <div className="mk-versions" data-testid="versions-view">
      {editor && (
        <form
          className="mk-versions-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="mk-version-name">{localize({ nl: 'Naam van de versie', en: 'Name of the version' })}</label>
          <input id="mk-version-name" value={name} maxLength={120} placeholder={localize({ nl: 'Werksessie 2, 12 maart', en: 'Session 2, 12 March' })} onChange={(e) => setName(e.currentTarget.value)} />
          <button type="submit" className="button primary" disabled={busy}>
            {localize({ nl: 'Versie opslaan', en: 'Save version' })}
          </button>
        </form>
      )}
      {error && (
        <p className="mk-versions-error" role="alert">
          {error}
        </p>
      )}
      {versions === null ? (
        <p className="mk-view-message">{localize({ nl: 'Versies laden…', en: 'Loading versions…' })}</p>
      ) : versions.length === 0 ? (
        <p className="mk-view-message">{localize({ nl: 'Nog geen versies. Sla er een op na elke werksessie; als iedereen weg is, bewaart Mantelkaart er ook zelf een.', en: 'No versions yet. Save one after each session; when everyone has left, Mantelkaart keeps one too.' })}</p>
      ) : (
        <ul className="mk-versions-list" role="list">
          {versions.map((v) => (
            <li key={v.id} data-version={v.id} className={v.automatic ? 'is-automatic' : undefined}>
              {renaming?.id === v.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const next = renaming.name.trim();
                    setRenaming(null);
                    if (next && next !== v.name) void run(() => renameVersion(session.room, session.token, v.id, next));
                  }}
                >
                  <input aria-label={localize({ nl: 'Nieuwe naam', en: 'New name' })} autoFocus value={renaming.name} maxLength={120} onChange={(e) => setRenaming({ id: v.id, name: e.currentTarget.value })} />
                </form>
              ) : (
                <strong className="mk-version-name">{title(v)}</strong>
              )}
              <span className="mk-version-meta">
                {when(v.createdAt)}
                {v.createdBy ? ` · ${v.createdBy}` : ''}
                {v.automatic ? ` · ${localize({ nl: 'automatisch', en: 'automatic' })}` : ''}
              </span>
              <span className="mk-version-counts">
                {localize({ nl: `${v.counts.cards} kaarten · ${v.counts.relations} relaties · ${v.counts.commitments} afspraken`, en: `${v.counts.cards} cards · ${v.counts.relations} relations · ${v.counts.commitments} commitments` })}
              </span>
              {v.note && <span className="mk-version-note">{v.note}</span>}
              <span className="mk-version-actions">
                <button type="button" className="button" disabled={busy} onClick={() => void compare(v)}>
                  {localize({ nl: 'Vergelijken met nu', en: 'Compare with now' })}
                </button>
                {editor && (
                  <button type="button" className="button" disabled={busy} onClick={() => void restore(v)}>
                    {localize({ nl: 'Terugzetten', en: 'Restore' })}
                  </button>
                )}
                {editor && (
                  <button type="button" className="button" disabled={busy} onClick={() => setRenaming({ id: v.id, name: v.name })}>
                    {localize({ nl: 'Hernoemen', en: 'Rename' })}
                  </button>
                )}
                {owner && (
                  <button
                    type="button"
                    className="button danger"
                    disabled={busy}
                    onClick={() => {
                      if (window.confirm(localize({ nl: `Versie “${title(v)}” verwijderen?`, en: `Delete version “${title(v)}”?` }))) void run(() => deleteVersion(session.room, session.token, v.id));
                    }}
                  >
                    {localize({ nl: 'Verwijderen', en: 'Delete' })}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mk-view-message mk-versions-privacy">
        {localize({ nl: 'Versies bewaren de kaart zonder contactgegevens. Iemand helemaal verwijderen haalt die persoon ook uit elke versie.', en: 'Versions keep the map without contact details. Deleting someone completely removes them from every version too.' })}
      </p>
    </div>
  );
}
