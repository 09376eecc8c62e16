import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { QuickInputRequest } from '../services/QuickInputService';
import { useHost } from './HostContext';

const CommandPalette = lazy(() => import('./QuickPickers').then((m) => ({ default: m.CommandPalette })));
const QuickPick = lazy(() => import('./QuickPickers').then((m) => ({ default: m.QuickPick })));

/** The quick-input box: the command palette, a pick list or a text prompt, whichever is open. */
export function QuickInput() {
  const { services } = useHost();
  const request = useSyncExternalStore(services.quickInput.subscribe, services.quickInput.get);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (request && !returnFocus.current) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!request && returnFocus.current) {
      const el = returnFocus.current;
      returnFocus.current = null;
      // The command that was picked may have moved focus on purpose (a new node's label editor): leave it there.
      const now = document.activeElement;
      const moved = now instanceof HTMLElement && now !== document.body && now.isConnected;
      if (moved) return;
      if (el.isConnected) el.focus({ preventScroll: true });
      else services.canvas.focus();
    }
  }, [request, services]);
  if (!request) return null;
  return (
    <div className="mk-quickinput-backdrop" onMouseDown={(e) => e.target === e.currentTarget && services.quickInput.close()}>
      <Suspense fallback={null}>
        {request.kind === 'commands' && <CommandPalette initialQuery={request.initialQuery} />}
        {request.kind === 'pick' && <QuickPick request={request} />}
      </Suspense>
      {request.kind === 'input' && <InputBox request={request} />}
    </div>
  );
}

function InputBox({ request }: { request: Extract<QuickInputRequest, { kind: 'input' }> }) {
  const { services } = useHost();
  const [value, setValue] = useState(request.value);
  return (
    <form
      className="mk-quickinput"
      role="dialog"
      aria-modal="true"
      aria-label={request.prompt}
      onSubmit={(e) => {
        e.preventDefault();
        services.quickInput.accept(value);
      }}
      onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), services.quickInput.close())}
    >
      <label className="mk-quickinput-prompt">
        {request.prompt}
        <input autoFocus className="mk-quickinput-input" value={value} placeholder={request.placeholder} onChange={(e) => setValue(e.target.value)} />
      </label>
    </form>
  );
}
