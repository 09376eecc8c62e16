import { useT } from '../i18n/i18n';
import { navigate } from './route';

/** A full-page message with a way back, for links that do not (or no longer) work. */
export function MessagePage({ message }: { message: string }) {
  const t = useT();
  return (
    <main className="message-page">
      <div className="message-card" role="alert">
        <p>{message}</p>
        <a
          className="button primary"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('map.toStart')}
        </a>
      </div>
    </main>
  );
}
