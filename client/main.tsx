import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getLocale } from './i18n/i18n';
import { BUILTIN_EXTENSIONS } from './app/extensions';
import { parseRoute } from './app/route';
import { openSessionEarly } from './collab/earlySession';
import { claimedAccess } from './map/useMapAccess';
import './app/app.css';

document.documentElement.lang = getLocale();
// On a map link, fetch the built-in extensions right away, alongside React's first render, rather than after the
// workbench has started: on a slow phone network that saves a round trip or two (the workbench's own
// import of them then finds them loaded).
// The map's socket opens now too, with the role the link claims (the server decides what it may do either way).
const route = parseRoute(location.pathname, location.hash);
if (route.page === 'map') {
  for (const load of BUILTIN_EXTENSIONS) void load().catch(() => {});
  const access = claimedAccess(route.room, route.token);
  if (access) openSessionEarly({ room: route.room, ...access });
}
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
