import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getLocale } from './i18n/i18n';
import { BUILTIN_EXTENSIONS } from './app/extensions';
import './app/app.css';

document.documentElement.lang = getLocale();
// On a map link, fetch the built-in extensions right away, alongside React's first render and the socket, rather
// than after the workbench has started: on a slow phone network that saves a round trip or two (the workbench's own
// import of them then finds them loaded).
if (location.pathname.startsWith('/m/')) for (const load of BUILTIN_EXTENSIONS) void load().catch(() => {});
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
