import { useEffect, useRef, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './dialog.css';

/**
 * Shows a modal dialog outside the workbench's React tree and resolves with what it closes with (undefined when
 * dismissed). Extensions reach it as api.window.showDialog.
 */
export function showDialog<T>(render: (close: (value?: T) => void) => ReactNode): Promise<T | undefined> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let done = false;
    const close = (value?: T) => {
      if (done) return;
      done = true;
      // Unmounted after this event: React must not unmount a root from inside its own handler.
      queueMicrotask(() => {
        root.unmount();
        host.remove();
        returnFocus?.focus();
      });
      resolve(value);
    };
    root.render(render(close));
  });
}

export interface ModalProps {
  title: string;
  /** Announced with the title; also what tests look the dialog up by. */
  labelId: string;
  wide?: boolean;
  onDismiss: () => void;
  children: ReactNode;
  /** Buttons and status, under a line. */
  footer: ReactNode;
  onSubmit?: () => void;
  testId?: string;
}

/** The frame of a dialog: a native modal <dialog> (focus trap, Escape, backdrop) with a form inside (api.ui.Modal). */
export function Modal({ title, labelId, wide, onDismiss, children, footer, onSubmit, testId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`mk-export-dialog${wide ? ' is-wide' : ''}`}
      aria-labelledby={labelId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onDismiss();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <div className="mk-export-head">
          <h2 id={labelId}>{title}</h2>
        </div>
        {children}
        <div className="mk-export-foot">{footer}</div>
      </form>
    </dialog>
  );
}
