import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { useCanvasContext } from './CanvasContext';
import { useIsEditing } from './editingStore';

/**
 * A node's label, which turns into a text field while this person edits it. Exported so node components of
 * extensions edit labels the same way. The field carries `nodrag nopan nowheel nokey` so React Flow leaves
 * typing, selecting text and scrolling alone.
 */
export function NodeLabel({ id, label, className }: { id: string; label: string; className?: string }) {
  const t = useT();
  const editing = useIsEditing(id);
  const { commitLabel, stopEditing } = useCanvasContext();
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    if (!editing) return;
    done.current = false;
    const el = ref.current;
    if (el) {
      el.focus();
      el.select();
    }
  }, [editing]);

  if (!editing) {
    return <div className={`mk-node-label ${className ?? ''} ${label ? '' : 'is-empty'}`}>{label || t('canvas.emptyLabel')}</div>;
  }
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const value = ref.current?.value ?? label;
    if (save && value !== label) commitLabel(id, value.trim() === '' ? '' : value);
    stopEditing(id);
  };
  return (
    <textarea
      ref={ref}
      className="mk-node-editor nodrag nopan nowheel nokey"
      aria-label={t('canvas.editLabel')}
      defaultValue={label}
      rows={2}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
