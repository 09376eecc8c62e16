import { useCurrentSession } from '../collab/sessionStore';
import { useT } from '../i18n/i18n';
import './readOnlyBadge.css';

/** Shown for view links, so nobody wonders why nothing can be changed. */
export function ReadOnlyBadge({ readOnly }: { readOnly?: boolean }) {
  const t = useT();
  const session = useCurrentSession();
  const show = readOnly ?? session?.role === 'view';
  if (!show) return null;
  return (
    <span className="readonly-badge" data-testid="readonly-badge">
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 5C6.5 5 2.7 9.4 1.5 12c1.2 2.6 5 7 10.5 7s9.3-4.4 10.5-7C21.3 9.4 17.5 5 12 5zm0 11a4 4 0 110-8 4 4 0 010 8z" fill="currentColor" />
      </svg>
      {t('status.readOnly')}
    </span>
  );
}
