import { useViewState } from '../canvas/viewportStore';
import { useT } from '../i18n/i18n';
import './status.css';

export function ZoomLevel() {
  const t = useT();
  const { zoom } = useViewState();
  return <span className="status-item">{t('status.zoom', { pct: Math.round(zoom * 100) })}</span>;
}
