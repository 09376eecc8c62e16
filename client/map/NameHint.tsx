import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';

const DISMISSED_KEY = 'mantelkaart:nameHintDismissed';

/** Whether this browser chose to watch anonymously; then the hint stays away (a name can still be set later). */
export function nameHintDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberDismissed(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // Storage refused: the hint comes back next visit, which does no harm.
  }
}

/**
 * For viewers: the map first, and beside it a small question for a name so the facilitator sees who watches. Never
 * in the way (no backdrop, the map stays usable); "Anoniem meekijken" closes it for good in this browser.
 */
export function NameHint({ onDone, onClose }: { onDone: (name: string) => void; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onDone(name.trim());
  };
  return (
    <form className="name-hint" role="region" aria-labelledby="name-hint-title" onSubmit={submit}>
      <h2 id="name-hint-title">{t('presence.askTitle')}</h2>
      <p className="muted">{t('presence.hintBody')}</p>
      <div className="name-hint-row">
        <input aria-label={t('presence.nameLabel')} value={name} maxLength={40} autoComplete="name" placeholder={t('presence.nameLabel')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button primary" disabled={!name.trim()}>
          {t('presence.hintSave')}
        </button>
      </div>
      <button
        type="button"
        className="button link"
        onClick={() => {
          rememberDismissed();
          onClose();
        }}
      >
        {t('presence.hintAnonymous')}
      </button>
    </form>
  );
}
