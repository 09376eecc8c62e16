import type { ReactNode } from 'react';
import { canEdit } from '../../shared/protocol/roles';
import { navigate } from '../app/route';
import { updateViewState, useViewState } from '../canvas/viewportStore';
import type { MapSession } from '../collab/MapSession';
import type { Peer } from '../collab/presence';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/i18n';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { PeopleList } from './PeopleList';

/** Whom a viewer follows: the facilitator (owner) first, otherwise an editor, whoever shares a view. */
export function followTarget(peers: Peer[], selfId: number): Peer | undefined {
  const candidates = peers.filter((p) => p.clientId !== selfId && p.viewport && p.role !== 'view');
  return candidates.find((p) => p.role === 'owner') ?? candidates[0];
}

const Icon = ({ d }: { d: string }) => (
  <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/**
 * Title, presence, sharing and (for viewers) following. Editing actions live in the workbench toolbar only, so
 * each has one place; on a phone the follow button floats above the status bar, within reach of a thumb.
 */
export function TopBar({
  session,
  title,
  peers,
  onShare,
  onRename,
  extra,
}: {
  session: MapSession;
  title: string;
  peers: Peer[];
  onShare: () => void;
  onRename: () => void;
  extra?: ReactNode;
}) {
  const t = useT();
  const editable = canEdit(session.role);
  const { following } = useViewState();
  const selfId = session.awareness.clientID;
  const target = followTarget(peers, selfId);
  const followed = following === null ? undefined : peers.find((p) => p.clientId === following);

  return (
    <header className="top-bar">
      <a
        className="button quiet icon home"
        href="/"
        aria-label={t('map.home')}
        title={t('map.home')}
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        <span className="brand-mark" aria-hidden="true" />
      </a>
      <h1 className="map-title" title={title}>
        {title}
      </h1>
      <ReadOnlyBadge />
      {(!editable || extra) && (
        <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          {!editable &&
            (following !== null ? (
              <button type="button" className="button primary follow" aria-pressed="true" onClick={() => updateViewState({ following: null })}>
                <Icon d="M6 6l12 12M18 6L6 18" />
                <span className="label">{followed ? `${t('toolbar.stopFollow')} (${followed.user.name})` : t('toolbar.stopFollow')}</span>
              </button>
            ) : (
              <button
                type="button"
                className="button follow"
                aria-pressed="false"
                disabled={!target}
                title={target ? undefined : t('toolbar.followNobody')}
                onClick={() => target && updateViewState({ following: target.clientId })}
              >
                <Icon d="M1.5 12S5.5 5 12 5s10.5 7 10.5 7-4 7-10.5 7S1.5 12 1.5 12zM12 15a3 3 0 100-6 3 3 0 000 6z" />
                <span className="label">{target ? `${t('toolbar.follow')} (${target.user.name})` : t('toolbar.follow')}</span>
              </button>
            ))}
          {extra}
        </div>
      )}
      <span className="top-spacer" />
      <PeopleList peers={peers} selfId={selfId} onRename={onRename} />
      {session.role === 'owner' && (
        <button type="button" className="button primary share" onClick={onShare} aria-label={t('toolbar.share')} title={t('toolbar.share')}>
          <Icon d="M4 12v7a1 1 0 001 1h14a1 1 0 001-1v-7M16 6l-4-4-4 4M12 2v13" />
          <span className="label">{t('toolbar.share')}</span>
        </button>
      )}
      <LanguageSwitch />
    </header>
  );
}
