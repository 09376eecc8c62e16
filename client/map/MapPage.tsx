import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { MessagePage } from '../app/MessagePage';
import { storedColor, storedName, storeName } from '../collab/presence';
import { useSessionStatus } from '../collab/sessionStore';
import { useMapSession } from '../collab/useMapSession';
import { usePeers } from '../collab/usePeers';
import { useT } from '../i18n/i18n';
import { MapWorkbench } from '../host/MapWorkbench';
import { extensionsFor } from '../app/extensions';
import { NameHint, nameHintDismissed } from './NameHint';
import { NamePrompt } from './NamePrompt';
import { TopBar } from './TopBar';
import { useMapAccess } from './useMapAccess';
import { useMapTitle } from './useMapTitle';
import type { MapSession } from '../collab/MapSession';
import './map.css';

// The share dialog (with the QR encoder) is only loaded when an owner opens it.
const ShareDialog = lazy(() => import('../share/ShareDialog').then((m) => ({ default: m.ShareDialog })));
const DeleteMapDialog = lazy(() => import('./DeleteMapDialog').then((m) => ({ default: m.DeleteMapDialog })));

/** `/m/<room>`: the map, its top bar and the status strip. */
export function MapPage({ room, urlToken }: { room: string; urlToken: string | null }) {
  const t = useT();
  const access = useMapAccess(room, urlToken);
  const session = useMapSession(room, access.state === 'ready' ? access.token : null, access.state === 'ready' ? access.role : null);
  if (access.state === 'no-token') return <MessagePage message={t('map.noToken')} />;
  if (access.state === 'denied') return <MessagePage message={t('map.denied')} />;
  if (access.state === 'not-found') return <MessagePage message={t('map.notFound')} />;
  if (!session) return <div className="map-loading">{t('app.loading')}</div>;
  return <MapWorkspace session={session} fallbackTitle={access.title} />;
}

function MapWorkspace({ session, fallbackTitle }: { session: MapSession; fallbackTitle: string }) {
  const t = useT();
  const title = useMapTitle(session, fallbackTitle || t('start.recent.untitled'));
  const peers = usePeers(session.awareness);
  const status = useSessionStatus(session);
  const [name, setName] = useState<string | null>(() => storedName());
  // Editors are asked for a name, once the map is drawn; viewers see the map at once with a small optional question.
  const viewer = session.role === 'view';
  const [askName, setAskName] = useState(() => storedName() === null && !viewer);
  const [nameHint, setNameHint] = useState(() => storedName() === null && viewer && !nameHintDismissed());
  const drawn = status.synced || status.localLoaded;
  const [shareOpen, setShareOpen] = useState(false);
  const openShare = useCallback(() => setShareOpen(true), []);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [extensions] = useState(() => extensionsFor(location.search));
  const openDelete = useCallback(() => {
    setShareOpen(false);
    setDeleteOpen(true);
  }, []);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    session.awareness.setLocalStateField('user', { name: name ?? t('presence.anonymous'), color: storedColor() });
  }, [session, name, t]);

  if (status.connection === 'denied') return <MessagePage message={t(deniedMessage(status.closeCode))} />;

  return (
    <div className={`map-page role-${session.role}`}>
      <TopBar session={session} title={title} peers={peers} onShare={() => setShareOpen(true)} onRename={() => setAskName(true)} />
      <MapWorkbench session={session} extensions={extensions} onShare={openShare} onDeleteMap={openDelete} />
      {nameHint && !askName && (
        <NameHint
          onDone={(n) => {
            storeName(n);
            setName(n);
            setNameHint(false);
          }}
          onClose={() => setNameHint(false)}
        />
      )}
      {askName && drawn && (
        <NamePrompt
          initial={name ?? ''}
          onDone={(n) => {
            storeName(n);
            setName(n);
            setAskName(false);
          }}
          onCancel={name ? () => setAskName(false) : undefined}
        />
      )}
      {shareOpen && session.role === 'owner' && (
        <Suspense fallback={null}>
          <ShareDialog session={session} title={title} onClose={() => setShareOpen(false)} onDelete={openDelete} />
        </Suspense>
      )}
      {deleteOpen && session.role === 'owner' && (
        <Suspense fallback={null}>
          <DeleteMapDialog session={session} title={title} onClose={() => setDeleteOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

/** Why the server stopped talking to this page, in the words the person needs. */
function deniedMessage(closeCode: number | undefined): 'map.denied' | 'map.deletedWhileOpen' | 'map.tooLarge' {
  if (closeCode === 4404) return 'map.deletedWhileOpen';
  if (closeCode === 4413) return 'map.tooLarge';
  return 'map.denied';
}
