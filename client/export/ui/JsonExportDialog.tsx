import { useState } from 'react';
import type { LocalizedText, MantelkaartApi } from '../../host/api';

export interface JsonExportDialogProps {
  /** The host's dialog frame and AVG choice (api.ui). */
  ui: MantelkaartApi['ui'];
  localize: (text: LocalizedText) => string;
  /** Whether this person may take contact details along (edit or owner link). */
  allowPrivate: boolean;
  onExport: (includePrivate: boolean) => Promise<void>;
  close: () => void;
}

/** Asks whether contact details go into the JSON file (only where allowed) and saves it. */
export function JsonExportDialog({ ui: { Modal, PrivateFieldsChoice }, localize, allowPrivate, onExport, close }: JsonExportDialogProps) {
  const [includePrivate, setIncludePrivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onExport(includePrivate && allowPrivate);
      close();
    } catch (err) {
      setError(localize({ nl: `Opslaan is mislukt: ${String(err)}. Probeer het opnieuw.`, en: `Saving failed: ${String(err)}. Try again.` }));
      setBusy(false);
    }
  };
  return (
    <Modal
      title={localize({ nl: 'Kaart exporteren als JSON', en: 'Export map as JSON' })}
      labelId="mk-json-export-title"
      testId="json-export-dialog"
      onDismiss={close}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={close} disabled={busy}>
            {localize({ nl: 'Annuleren', en: 'Cancel' })}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? localize({ nl: 'Bezig…', en: 'Working…' }) : localize({ nl: 'Opslaan', en: 'Save' })}
          </button>
        </>
      }
    >
      <div className="mk-export-body">
        <p>
          {localize({
            nl: 'Een bestand met de hele kaart: elementen, relaties en afspraken. Met “Kaart importeren uit JSON” maakt u er later een nieuwe kaart van.',
            en: 'A file with the whole map: elements, relations and commitments. “Import map from JSON” turns it into a new map later.',
          })}
        </p>
        {allowPrivate && (
          <PrivateFieldsChoice localize={localize} checked={includePrivate} onChange={setIncludePrivate} what={{ nl: 'het bestand', en: 'the file' }} />
        )}
      </div>
      {error && (
        <p className="mk-export-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
