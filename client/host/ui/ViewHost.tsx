import { Component, Suspense, type ReactNode } from 'react';
import type { Language } from '../api';
import { useEventVersion, useHost, useLocalize } from './HostContext';

class ViewErrorBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error('[host/view-crashed]', error);
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** Renders a contributed view, or says why it cannot (not active yet, or it crashed) without taking the workbench down. */
export function ViewHost({ viewId, language }: { viewId: string; language: Language }) {
  const { services } = useHost();
  const localize = useLocalize();
  useEventVersion(services.views.onDidChange, services.views);
  const view = services.views.get(viewId);
  if (!view) return <p className="mk-view-message">{localize({ nl: 'Deze weergave bestaat niet (meer).', en: 'This view does not exist (any more).' })}</p>;
  const ViewComponent = view.implementation;
  if (!ViewComponent) {
    return (
      <p className="mk-view-message">
        {localize({ nl: `Deze weergave komt van uitbreiding ${view.extensionId}, die (nog) niet actief is.`, en: `This view comes from extension ${view.extensionId}, which is not active (yet).` })}
      </p>
    );
  }
  return (
    <ViewErrorBoundary
      key={viewId}
      fallback={(error) => (
        <p className="mk-view-message" role="alert">
          {localize({
            nl: `Deze weergave van ${view.extensionId} is vastgelopen (${error.message}). De rest van de werkplek werkt gewoon.`,
            en: `This view from ${view.extensionId} crashed (${error.message}). The rest of the workspace keeps working.`,
          })}
        </p>
      )}
    >
      {/* A view may load its code when first opened (React.lazy): a phone that never opens it never fetches it. */}
      <Suspense fallback={<p className="mk-view-message" role="status">{localize({ nl: 'Laden…', en: 'Loading…' })}</p>}>
        <ViewComponent viewId={viewId} language={language} />
      </Suspense>
    </ViewErrorBoundary>
  );
}
