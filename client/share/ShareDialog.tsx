import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, getLinks, renameRoom, revokeLink, type RoomLinks } from '../api/roomsApi';
import { rememberMap } from '../app/recentMaps';
import type { MapSession } from '../collab/MapSession';
import { useT, type MessageKey } from '../i18n/i18n';
import { loopbackHost } from './loopbackHost';
import { QrCode } from './QrCode';
import './share.css';

type LinkKind = keyof RoomLinks;
const ROWS: { kind: LinkKind; name: MessageKey; hint: MessageKey }[] = [
  { kind: 'owner', name: 'share.owner', hint: 'share.ownerHint' },
  { kind: 'edit', name: 'share.edit', hint: 'share.editHint' },
  { kind: 'view', name: 'share.view', hint: 'share.viewHint' },
];

/**
 * For owners: the three links with copy buttons, a QR code of the view link big enough to scan from a
 * projector, revoking (and re-issuing) the edit or view link, renaming and deleting the map. When the links
 * point at this laptop's loopback address (the server's default), it explains how to make them work on phones.
 */
export function ShareDialog({ session, title, onClose, onDelete }: { session: MapSession; title: string; onClose: () => void; onDelete?: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [links, setLinks] = useState<RoomLinks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<LinkKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(title);
  const [renamed, setRenamed] = useState(false);

  const fail = useCallback(
    (err: unknown) => {
      const reason = err instanceof ApiError ? (err.code === 'network' ? t('error.network') : err.message) : String(err);
      setError(t('share.failed', { reason }));
    },
    [t],
  );

  const load = useCallback(() => {
    setError(null);
    getLinks(session.room, session.token).then((r) => setLinks(r.links), fail);
  }, [session, fail]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    load();
  }, [load]);

  const copy = async (kind: LinkKind, link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(kind);
      setTimeout(() => setCopied((c) => (c === kind ? null : c)), 2000);
    } catch {
      setError(t('share.copyFailed'));
    }
  };

  const revoke = async (kind: 'edit' | 'view', label: string) => {
    if (!window.confirm(t('share.revokeConfirm', { name: label }))) return;
    setBusy(true);
    try {
      await revokeLink(session.room, session.token, kind);
      load();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    const next = name.trim();
    if (!next) return;
    setBusy(true);
    setRenamed(false);
    try {
      await renameRoom(session.room, session.token, next);
      rememberMap({ room: session.room, token: session.token, title: next });
      setRenamed(true);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const loopback = links ? loopbackHost(links.view) : null;

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      <div className="share-head">
        <h2 id="share-title">{t('share.title')}</h2>
        <button type="button" className="button quiet icon" aria-label={t('share.close')} onClick={() => dialog.current?.close()}>
          <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {loopback && <LoopbackHint host={loopback.host} port={loopback.port} />}
      <div className="share-body">
        <div className="share-links">
          {!links && !error && <p className="muted">{t('share.loading')}</p>}
          {links &&
            ROWS.map(({ kind, name: nameKey, hint }) => {
              const label = t(nameKey);
              return (
                <section key={kind} className={`share-row kind-${kind}`} data-testid={`share-link-${kind}`}>
                  <h3>{label}</h3>
                  <p className="muted hint">{hint && t(hint)}</p>
                  <div className="share-link-line">
                    <input readOnly value={links[kind]} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
                    <button type="button" className="button" onClick={() => void copy(kind, links[kind])} aria-label={t('share.copyNamed', { name: label })}>
                      {copied === kind ? t('share.copied') : t('share.copy')}
                    </button>
                  </div>
                  {kind !== 'owner' && (
                    <button type="button" className="button quiet danger small" disabled={busy} onClick={() => void revoke(kind, label)} aria-label={t('share.revokeNamed', { name: label })}>
                      {t('share.revoke')}
                    </button>
                  )}
                </section>
              );
            })}
          <form className="share-rename" onSubmit={rename}>
            <div className="field">
              <label htmlFor="share-rename-input">{t('share.rename')}</label>
              <div className="share-link-line">
                <input id="share-rename-input" value={name} maxLength={200} onChange={(e) => { setName(e.target.value); setRenamed(false); }} />
                <button type="submit" className="button" disabled={busy || !name.trim() || name.trim() === title}>
                  {t('share.renameSave')}
                </button>
              </div>
              {renamed && <span role="status" className="ok-text">{t('share.renamed')}</span>}
            </div>
          </form>
          {onDelete && (
            <section className="share-delete" aria-labelledby="share-delete-heading">
              <h3 id="share-delete-heading">{t('share.deleteHeading')}</h3>
              <p className="muted hint">{t('share.deleteHint')}</p>
              <button type="button" className="button danger" onClick={onDelete}>
                {t('share.deleteOpen')}
              </button>
            </section>
          )}
        </div>
        {links && (
          <figure className={`share-qr ${loopback ? 'is-loopback' : ''}`}>
            <QrCode text={links.view} alt={t('share.qrAlt')} />
            <figcaption>
              <strong>{t('share.view')}</strong>
              <br />
              {loopback ? <span className="share-qr-warning">{t('share.qrLoopback', { host: loopback.host })}</span> : t('share.qrHint')}
            </figcaption>
          </figure>
        )}
      </div>
    </dialog>
  );
}

/** Why a phone cannot open a localhost link, and the two steps that fix it, in words a facilitator can follow. */
function LoopbackHint({ host, port }: { host: string; port: string }) {
  const t = useT();
  const example = `http://192.168.1.20:${port}`;
  return (
    <section className="share-lan-hint" role="note" aria-labelledby="share-lan-title" data-testid="share-loopback-hint">
      <h3 id="share-lan-title">{t('share.lanTitle')}</h3>
      <p>{t('share.lanWhy', { host })}</p>
      <ol>
        <li>
          {t('share.lanStep1')} <code className="share-command">HOST=0.0.0.0 npm start</code>{' '}
          <span className="share-command-label">
            {t('share.lanWindows')} <code className="share-command">$env:HOST="0.0.0.0"; npm start</code>
          </span>
        </li>
        <li>{t('share.lanStep2', { host, example })}</li>
      </ol>
      <p className="share-lan-tips">{t('share.lanTips', { port, setting: `PUBLIC_URL=http://<${t('share.lanIp')}>:${port}` })}</p>
    </section>
  );
}
