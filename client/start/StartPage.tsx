import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, createRoom } from '../api/roomsApi';
import { forgetMap, rememberMap, useRecentMaps } from '../app/recentMaps';
import { localPath, navigate } from '../app/route';
import { clearStartNotice, peekStartNotice } from '../app/startNotice';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/i18n';
import { relativeTime } from './relativeTime';
import './start.css';

/** Create a map, or reopen one this browser has opened before. */
export function StartPage() {
  const t = useT();
  const recent = useRecentMaps();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice] = useState(peekStartNotice);
  useEffect(() => clearStartNotice(), []);

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const name = title.trim() || t('start.recent.untitled');
    setBusy(true);
    setError(null);
    try {
      const created = await createRoom(name);
      rememberMap({ room: created.room, token: created.tokens.owner, role: 'owner', title: name });
      navigate(localPath(created.links.owner));
    } catch (err) {
      const reason = err instanceof ApiError ? (err.code === 'network' ? t('error.network') : err.message) : String(err);
      setError(t('start.new.failed', { reason }));
      setBusy(false);
    }
  };

  const now = Date.now();
  return (
    <div className="start">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <p className="start-tagline">{t('start.tagline')}</p>
        {notice && (
          <p className="start-notice" role="status">
            {t(notice.key, notice.params)}
          </p>
        )}

        <section className="start-card" aria-labelledby="new-map-heading">
          <h1 id="new-map-heading">{t('start.new.heading')}</h1>
          <form onSubmit={onCreate} className="new-map-form">
            <div className="field">
              <label htmlFor="new-map-title">{t('start.new.titleLabel')}</label>
              <input
                id="new-map-title"
                value={title}
                maxLength={200}
                placeholder={t('start.new.titlePlaceholder')}
                onChange={(e) => setTitle(e.target.value)}
                autoComplete="off"
              />
            </div>
            <button type="submit" className="button primary big" disabled={busy}>
              {busy ? t('start.new.creating') : t('start.new.create')}
            </button>
            {error && (
              <p className="error-text" role="alert">
                {error}
              </p>
            )}
          </form>
        </section>

        <section className="start-card" aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('start.recent.heading')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('start.recent.empty')}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((m) => {
                const name = m.title || t('start.recent.untitled');
                const [key, params] = relativeTime(m.lastOpened, now);
                const href = `/m/${encodeURIComponent(m.room)}#token=${encodeURIComponent(m.token)}`;
                return (
                  <li key={m.room} className="recent-item">
                    <a
                      className="recent-open"
                      href={href}
                      aria-label={t('start.recent.openNamed', { title: name })}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(href);
                      }}
                    >
                      <span className="recent-title">{name}</span>
                      <span className="recent-meta">
                        <span className={`role-chip role-${m.role}`}>{t(`role.${m.role}`)}</span>
                        <span>{t('start.recent.lastOpened', { when: t(key, params) })}</span>
                      </span>
                    </a>
                    <button type="button" className="button quiet" aria-label={t('start.recent.forgetNamed', { title: name })} onClick={() => forgetMap(m.room)}>
                      {t('start.recent.forget')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
