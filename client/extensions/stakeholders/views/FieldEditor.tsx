import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldSchema, FieldValue, Language, NodeRecord } from '../../../host/api';
import { formatFieldValue, parseFieldInput } from './fieldValidation';

export interface FieldEditorProps {
  field: FieldSchema;
  value: FieldValue | undefined;
  language: Language;
  readOnly: boolean;
  /** Nodes offered by nodeRef pickers (already filtered by nothing: the editor filters by refKinds). */
  nodes: NodeRecord[];
  /** Stores a checked value (undefined clears the field). */
  onCommit(value: FieldValue | undefined): void;
  /** Bumped when a command asks to put the cursor here. */
  focusSeq?: number;
  /** In a table cell: the label is for screen readers only and the help text is left out. */
  compact?: boolean;
}

const t = (language: Language, nl: string, en: string) => (language === 'nl' ? nl : en);

function asList(value: FieldValue | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
}

/**
 * One field of a form generated from a FieldSchema. Text-like input is checked on Enter or leaving the field;
 * a problem shows in plain words under the field and nothing is stored until it is fixed. Choices are stored at once.
 */
export function FieldEditor({ field, value, language, readOnly, nodes, onCommit, focusSeq, compact }: FieldEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);
  const label = field.label[language];
  const errorId = `${id}-error`;
  const descId = `${id}-desc`;

  useEffect(() => {
    if (focusSeq) ref.current?.focus();
  }, [focusSeq]);
  // Someone else changed the value: show theirs unless this person is typing.
  useEffect(() => {
    if (document.activeElement !== ref.current) setDraft(null);
  }, [value]);

  const commit = (raw: string | string[] | boolean) => {
    const result = parseFieldInput(field, raw);
    if (!result.ok) {
      setError(result.message[language]);
      return;
    }
    setError(null);
    setDraft(null);
    const same = JSON.stringify(result.value ?? null) === JSON.stringify(value ?? null);
    if (!same) onCommit(result.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  };
  const described = [field.description ? descId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, disabled: readOnly, 'data-field': field.key };
  const shown = draft ?? formatFieldValue(field, value, language);

  let control;
  switch (field.type) {
    case 'longtext':
      control = <textarea ref={ref} {...common} rows={3} value={shown} onChange={(e) => setDraft(e.target.value)} onBlur={(e) => draft !== null && commit(e.target.value)} />;
      break;
    case 'boolean':
      control = <input ref={ref} {...common} type="checkbox" checked={value === true} onChange={(e) => commit(e.target.checked)} />;
      break;
    case 'select':
      control = (
        <select ref={ref} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => commit(e.target.value)}>
          <option value="">{t(language, '— kies —', '— choose —')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[language]}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiselect': {
      const selected = asList(value);
      control = (
        <div className="sh-checks" role="group" aria-labelledby={`${id}-label`}>
          {field.options?.map((o, i) => (
            <label key={o.value} className="sh-check">
              <input
                ref={i === 0 ? ref : undefined}
                type="checkbox"
                disabled={readOnly}
                checked={selected.includes(o.value)}
                onChange={(e) => commit(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
              />
              {o.label[language]}
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'tags':
      control = <TagsInput inputRef={ref} common={common} list={asList(value)} suggestions={field.suggestions ?? []} readOnly={readOnly} language={language} onChange={(list) => commit(list)} />;
      break;
    case 'nodeRef': {
      const options = nodes.filter((n) => !field.refKinds || field.refKinds.includes(n.kind));
      control = (
        <select ref={ref} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => commit(e.target.value)}>
          <option value="">{t(language, '— niemand / niets —', '— none —')}</option>
          {options.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label || t(language, '(zonder naam)', '(unnamed)')}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'nodeRefs': {
      const selected = asList(value);
      const options = nodes.filter((n) => (!field.refKinds || field.refKinds.includes(n.kind)) && !selected.includes(n.id));
      const name = (nid: string) => nodes.find((n) => n.id === nid)?.label || t(language, '(verwijderd)', '(deleted)');
      control = (
        <div className="sh-tags">
          {selected.map((nid) => (
            <span key={nid} className="sh-tag">
              {name(nid)}
              {!readOnly && (
                <button type="button" aria-label={t(language, `${name(nid)} weghalen`, `Remove ${name(nid)}`)} onClick={() => commit(selected.filter((v) => v !== nid))}>
                  ×
                </button>
              )}
            </span>
          ))}
          {!readOnly && options.length > 0 && (
            <select ref={ref} {...common} value="" onChange={(e) => e.target.value && commit([...selected, e.target.value])}>
              <option value="">{t(language, '+ toevoegen…', '+ add…')}</option>
              {options.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.label || t(language, '(zonder naam)', '(unnamed)')}
                </option>
              ))}
            </select>
          )}
        </div>
      );
      break;
    }
    default: {
      const listId = field.suggestions?.length ? `${id}-suggestions` : undefined;
      const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text';
      const placeholder = field.type === 'month' ? t(language, 'jjjj-mm', 'yyyy-mm') : field.type === 'date' ? t(language, 'jjjj-mm-dd', 'yyyy-mm-dd') : undefined;
      control = (
        <span className="sh-input-unit">
          <input
            ref={ref}
            {...common}
            type={type}
            inputMode={field.type === 'number' ? 'decimal' : undefined}
            list={listId}
            placeholder={placeholder}
            value={shown}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={(e) => draft !== null && commit(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {field.unit && <span className="sh-unit">{field.unit[language]}</span>}
          {listId && (
            <datalist id={listId}>
              {field.suggestions!.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </span>
      );
    }
  }

  return (
    <div className={`sh-field ${error ? 'has-error' : ''} ${field.type === 'boolean' ? 'is-inline' : ''} ${compact ? 'is-compact' : ''}`} data-field-row={field.key}>
      <label id={`${id}-label`} htmlFor={id} className={compact ? 'sh-visually-hidden' : undefined}>
        {label}
        {field.private && <LockIcon title={t(language, 'Privé: alleen voor wie mag bewerken, nooit via een kijklink', 'Private: only for editors, never on view links')} />}
      </label>
      {control}
      {field.description && !compact && (
        <p id={descId} className="sh-field-help">
          {field.description[language]}
        </p>
      )}
      {error && (
        <p id={errorId} className="sh-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function TagsInput({
  inputRef,
  common,
  list,
  suggestions,
  readOnly,
  language,
  onChange,
}: {
  inputRef: React.Ref<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>;
  common: Record<string, unknown>;
  list: string[];
  suggestions: string[];
  readOnly: boolean;
  language: Language;
  onChange(list: string[]): void;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = () => {
    const parts = text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    if (parts.length) onChange([...list, ...parts]);
    setText('');
  };
  return (
    <div className="sh-tags">
      {list.map((tag) => (
        <span key={tag} className="sh-tag">
          {tag}
          {!readOnly && (
            <button type="button" aria-label={t(language, `${tag} weghalen`, `Remove ${tag}`)} onClick={() => onChange(list.filter((x) => x !== tag))}>
              ×
            </button>
          )}
        </span>
      ))}
      {!readOnly && (
        <>
          <input
            ref={inputRef}
            {...common}
            list={suggestions.length ? listId : undefined}
            value={text}
            placeholder={t(language, 'typ en druk Enter', 'type and press Enter')}
            onChange={(e) => setText(e.target.value)}
            onBlur={add}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                add();
              } else if (e.key === 'Backspace' && !text && list.length) onChange(list.slice(0, -1));
            }}
          />
          {suggestions.length > 0 && (
            <datalist id={listId}>
              {suggestions.filter((s) => !list.includes(s)).map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </>
      )}
    </div>
  );
}

/** A small padlock for private fields (no emoji: not every projector laptop has an emoji font). */
export function LockIcon({ title }: { title?: string }) {
  return (
    <svg className="sh-lock" width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" role={title ? 'img' : undefined} aria-label={title} aria-hidden={title ? undefined : true}>
      {title && <title>{title}</title>}
      <path d="M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
