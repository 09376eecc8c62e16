import { useEffect, useRef, useState } from 'react';
import { ApiError, deleteRoom } from '../api/roomsApi';
import { forgetMap } from '../app/recentMaps';
import { navigate } from '../app/route';
import { setStartNotice } from '../app/startNotice';
import { forgetLocalCopy } from '../collab/forgetLocalCopy';
import type { MapSession } from '../collab/MapSession';
import { useT } from '../i18n/i18n';

/**
 * The owner's last word on a map: names it, says it cannot be undone, and only then deletes it on the server.
 * Afterwards the map leaves this device too (the start page's list and the local copy) and the start page opens.
 * Cancel has the focus, so Enter on an accidental open does no harm.
 */
export function DeleteMapDialog({ session, title, onClose }: { session: MapSession; title: string; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteRoom(session.room, session.token);
    } catch (err) {
      // Already gone (deleted from another tab): the wish is fulfilled, so go on as if this call did it.
      if (!(err instanceof ApiError && err.code === 'not-found')) {
        const reason = err instanceof ApiError ? (err.code === 'network' ? t('error.network') : err.message) : String(err);
        setError(t('delete.failed', { reason }));
        setBusy(false);
        return;
      }
    }
    forgetMap(session.room);
    setStartNotice({ key: 'delete.done', params: { title } });
    navigate('/', { replace: true });
    void forgetLocalCopy(session.room);
  };

  return (
    <dialog
      ref={dialog}
      className="delete-map-dialog"
      role="alertdialog"
      aria-labelledby="delete-map-title"
      aria-describedby="delete-map-body delete-map-irreversible"
      onClose={onClose}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
    >
      <h2 id="delete-map-title">{t('delete.title')}</h2>
      <p id="delete-map-body">{t('delete.body', { title })}</p>
      <p id="delete-map-irreversible" className="delete-map-warning">
        <strong>{t('delete.irreversible')}</strong>
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" autoFocus disabled={busy} onClick={() => dialog.current?.close()}>
          {t('delete.cancel')}
        </button>
        <button type="button" className="button destructive" disabled={busy} onClick={() => void remove()}>
          {busy ? t('delete.busy') : t('delete.confirm')}
        </button>
      </div>
    </dialog>
  );
}
