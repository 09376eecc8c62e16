import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getLocale } from './i18n/i18n';
import './app/app.css';

/** Renders the app into #root: loaded by main.tsx once a map link's socket is on its way. */
export function renderApp(): void {
  document.documentElement.lang = getLocale();
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
