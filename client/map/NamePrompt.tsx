import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';

/** Asked once per browser: the name others see next to this person's cursor. */
export function NamePrompt({ initial, onDone, onCancel }: { initial: string; onDone: (name: string) => void; onCancel?: () => void }) {
  const t = useT();
  const [name, setName] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onDone(name.trim());
  };
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="name-prompt-title" onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
      >
        <h2 id="name-prompt-title">{t('presence.askTitle')}</h2>
        <p className="muted">{t('presence.askBody')}</p>
        <div className="field">
          <label htmlFor="name-prompt-input">{t('presence.nameLabel')}</label>
          <input id="name-prompt-input" value={name} maxLength={40} autoFocus autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={!name.trim()}>
            {t('presence.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
