import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { MantelkaartApi } from '../../../host/api';

export interface PlanTextAreaProps {
  api: MantelkaartApi;
  /** The shared text's name (PLAN_TEXT). */
  name: string;
  label: string;
  /** What belongs here, under the label. */
  hint?: string;
  rows?: number;
  readOnly: boolean;
}

/** A plan text is a few paragraphs; this keeps a pasted book from swelling the map document everyone syncs. */
const MAX_TEXT = 20_000;

/** Where a caret lands after someone else's edit: shifted by what they inserted or removed before it. */
export function shiftCaret(prev: string, next: string, caret: number): number {
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev[start] === next[start]) start++;
  if (caret <= start) return caret;
  let end = 0;
  while (end < max - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  const prevChangeEnd = prev.length - end;
  if (caret >= prevChangeEnd) return caret + (next.length - prev.length);
  // Inside the changed stretch: after what replaced it.
  return next.length - end;
}

/**
 * A text of the plan, co-edited live: every keystroke goes to the shared text as the smallest edit, so two people
 * typing in it both keep their words; a colleague's edit arrives without moving this person's caret. Ctrl+Z is the
 * map's undo (per person, with the rest of the map), not the browser's, which knows nothing of colleagues' edits.
 */
export function PlanTextArea({ api, name, label, hint, rows = 4, readOnly }: PlanTextAreaProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => api.map.getText(name));
  const caret = useRef<{ start: number; end: number } | null>(null);

  useEffect(() => {
    const sub = api.map.onDidChangeMap((e) => {
      if (!e.texts.includes(name)) return;
      const next = api.map.getText(name);
      const el = ref.current;
      setValue((prev) => {
        if (el && document.activeElement === el && prev !== next) {
          caret.current = { start: shiftCaret(prev, next, el.selectionStart), end: shiftCaret(prev, next, el.selectionEnd) };
        }
        return next;
      });
    });
    return () => sub.dispose();
  }, [api, name]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && caret.current) {
      el.setSelectionRange(caret.current.start, caret.current.end);
      caret.current = null;
    }
  }, [value]);

  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="sh-plan-text">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="sh-field-help" id={hintId}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        ref={ref}
        data-plan-text={name}
        rows={rows}
        maxLength={MAX_TEXT}
        value={value}
        readOnly={readOnly}
        aria-describedby={hintId}
        // Typing here is its own undo step, even when it starts right after a change elsewhere.
        onFocus={() => !readOnly && api.map.stopCapturing()}
        onBlur={() => !readOnly && api.map.stopCapturing()}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          api.map.setText(name, e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          const mod = e.ctrlKey || e.metaKey;
          if (!mod || readOnly) return;
          const key = e.key.toLowerCase();
          if (key === 'z' || key === 'y') {
            e.preventDefault();
            void api.commands.executeCommand(key === 'y' || e.shiftKey ? 'core.redo' : 'core.undo');
          }
        }}
      />
    </div>
  );
}
