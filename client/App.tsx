import { Suspense, lazy, useEffect } from 'react';
import { useRoute } from './app/route';
import { useT } from './i18n/i18n';
import { MapPage } from './map/MapPage';

// A participant opening a link never sees the start page (creating and importing maps): it loads on its own.
const StartPage = lazy(() => import('./start/StartPage').then((m) => ({ default: m.StartPage })));
import { MessagePage } from './app/MessagePage';

/** Two pages: `/` (start) and `/m/<room>#token=…` (a map). */
export function App() {
  const route = useRoute();
  const t = useT();
  useEffect(() => {
    if (route.page !== 'map') document.title = t('app.name');
  }, [route.page, t]);
  if (route.page === 'start')
    return (
      <Suspense fallback={null}>
        <StartPage />
      </Suspense>
    );
  if (route.page === 'map') return <MapPage key={route.room} room={route.room} urlToken={route.token} />;
  return <MessagePage message={t('map.notFound')} />;
}
