import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

/**
 * A drag handle between two parts of the workbench; also a focusable separator that arrow keys resize, so
 * resizing works without a mouse.
 */
export function Sash(props: {
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the part, -1 when it shrinks it. */
  direction: 1 | -1;
  label: string;
  onChange(value: number): void;
}) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const { orientation, value, min, max, direction, label, onChange } = props;
  const pos = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const onKeyDown = (e: KeyboardEvent) => {
    const grow = orientation === 'vertical' ? { ArrowRight: 1, ArrowLeft: -1 } : { ArrowDown: 1, ArrowUp: -1 };
    const step = grow[e.key as keyof typeof grow];
    if (step === undefined) return;
    e.preventDefault();
    onChange(Math.min(max, Math.max(min, value + step * direction * (e.shiftKey ? 50 : 10))));
  };
  return (
    <div
      className={`mk-sash mk-sash-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { pos: pos(e), value };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        onChange(Math.min(max, Math.max(min, start.current.value + (pos(e) - start.current.pos) * direction)));
      }}
      onPointerUp={() => (start.current = null)}
      onPointerCancel={() => (start.current = null)}
    />
  );
}
