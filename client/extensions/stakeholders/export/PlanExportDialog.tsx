import { useState } from 'react';
import type { Language, LocalizedText, MantelkaartApi } from '../../../host/api';
import type { PlanExportOptions, PlanFormat } from './planFiles';

export interface PlanExportDialogProps {
  /** The host's dialog frame and AVG choice (api.ui). */
  ui: MantelkaartApi['ui'];
  localize: (text: LocalizedText) => string;
  language: Language;
  /** Edit and owner links only: the contact-details checkbox is not even shown on a view link. */
  allowPrivate: boolean;
  /** False on an empty map: there is no picture to add. */
  hasNodes: boolean;
  onExport: (options: PlanExportOptions) => Promise<void>;
  close: () => void;
  /** Versions of the map, newest first, to compare the plan's monitoring with. */
  versions: { id: string; name: string; createdAt: number; automatic: boolean }[];
}

const FORMATS: { id: PlanFormat; title: LocalizedText; hint: LocalizedText }[] = [
  { id: 'docx', title: { nl: 'Word (.docx)', en: 'Word (.docx)' }, hint: { nl: 'Om verder te schrijven en te versturen', en: 'To keep writing and send' } },
  { id: 'md', title: { nl: 'Markdown (.md)', en: 'Markdown (.md)' }, hint: { nl: 'Platte tekst, voor een wiki of Git', en: 'Plain text, for a wiki or Git' } },
  { id: 'print', title: { nl: 'Afdrukken of PDF', en: 'Print or PDF' }, hint: { nl: 'Kies “Opslaan als PDF” als printer', en: 'Choose “Save as PDF” as the printer' } },
];

/** Step 08 of the Stappenplan in one dialog: format, language, contact details (AVG opt-in) and the map picture. */
export function PlanExportDialog({ ui: { Modal, PrivateFieldsChoice }, localize, language, allowPrivate, hasNodes, onExport, close, versions }: PlanExportDialogProps) {
  const [since, setSince] = useState('');
  const [report, setReport] = useState<'plan' | 'kwartaal'>('plan');
  const [format, setFormat] = useState<PlanFormat>('docx');
  const [lang, setLang] = useState<Language>(language);
  const [includePrivate, setIncludePrivate] = useState(false);
  const [includeImage, setIncludeImage] = useState(hasNodes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onExport({ format, lang, includePrivate: includePrivate && allowPrivate, includeImage: includeImage && hasNodes && report === 'plan', since, report: since ? report : 'plan' });
      close();
    } catch (err) {
      console.error('[stakeholders/plan-export-failed]', err);
      setError(
        localize({
          nl: `Het projectplan kon niet worden gemaakt: ${err instanceof Error ? err.message : String(err)}. Probeer het opnieuw, eventueel zonder de kaart als afbeelding.`,
          en: `The project plan could not be made: ${err instanceof Error ? err.message : String(err)}. Try again, perhaps without the map image.`,
        }),
      );
      setBusy(false);
    }
  };

  const action: LocalizedText = format === 'print' ? { nl: 'Afdrukken…', en: 'Print…' } : { nl: 'Opslaan', en: 'Save' };
  return (
    <Modal
      title={localize({ nl: 'Projectplan exporteren', en: 'Export project plan' })}
      labelId="mk-plan-export-title"
      testId="plan-export-dialog"
      onDismiss={() => !busy && close()}
      onSubmit={() => void submit()}
      footer={
        <>
          {busy && (
            <span className="mk-export-status" role="status">
              {localize({ nl: 'Het plan wordt gemaakt…', en: 'Making the plan…' })}
            </span>
          )}
          <button type="button" className="button" onClick={close} disabled={busy}>
            {localize({ nl: 'Annuleren', en: 'Cancel' })}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {localize(action)}
          </button>
        </>
      }
    >
      <div className="mk-export-body">
        <p>
          {localize({
            nl: 'Een projectplan volgens stap 08 van het Stappenplan: wat het team in het Projectplan schreef, met alles wat op de kaart staat. Wat nog ontbreekt, komt niet in het document; het staat in het Projectplan onder ‘Nog te doen’.',
            en: 'A project plan following step 08 of the Stappenplan: what the team wrote in the Project plan, with everything on the map. What is still missing stays out of the document; it is listed in the Project plan under ‘Still to do’.',
          })}
        </p>
        <fieldset>
          <legend>{localize({ nl: 'Formaat', en: 'Format' })}</legend>
          <div className="mk-export-choices">
            {FORMATS.map((f) => (
              <label key={f.id} className="mk-export-choice">
                <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} disabled={busy} />
                <span>
                  {localize(f.title)}
                  <small>{localize(f.hint)}</small>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{localize({ nl: 'Taal van het plan', en: 'Language of the plan' })}</legend>
          <div className="mk-export-choices">
            {(['nl', 'en'] as const).map((l) => (
              <label key={l} className="mk-export-choice">
                <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} disabled={busy} />
                <span>{l === 'nl' ? 'Nederlands' : 'English'}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {versions.length > 0 && (
          <fieldset>
            <legend>{localize({ nl: 'Vergelijken met een eerdere versie', en: 'Compare with an earlier version' })}</legend>
            <select name="since" value={since} onChange={(e) => setSince(e.currentTarget.value)} disabled={busy} aria-label={localize({ nl: 'Versie om mee te vergelijken', en: 'Version to compare with' })}>
              <option value="">{localize({ nl: '— niet vergelijken —', en: '— do not compare —' })}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`${v.name} (${new Date(v.createdAt).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB')})`}
                </option>
              ))}
            </select>
            {since && (
              <div className="mk-export-choices">
                <label className="mk-export-choice">
                  <input type="radio" name="report" value="plan" checked={report === 'plan'} onChange={() => setReport('plan')} disabled={busy} />
                  <span>{localize({ nl: 'Het projectplan, met “sinds die versie” in de monitoring', en: 'The project plan, with “since that version” in its monitoring' })}</span>
                </label>
                <label className="mk-export-choice">
                  <input type="radio" name="report" value="kwartaal" checked={report === 'kwartaal'} onChange={() => setReport('kwartaal')} disabled={busy} />
                  <span>{localize({ nl: 'Alleen de kwartaalrapportage', en: 'Only the quarterly report' })}</span>
                </label>
              </div>
            )}
          </fieldset>
        )}
        <fieldset>
          <legend>{localize({ nl: 'Inhoud', en: 'Contents' })}</legend>
          <label className="mk-export-check">
            <input type="checkbox" name="includeImage" checked={includeImage && hasNodes} disabled={!hasNodes || busy} onChange={(e) => setIncludeImage(e.currentTarget.checked)} />
            <span>
              {localize(
                format === 'md'
                  ? { nl: 'De kaart als afbeelding (PNG, apart opgeslagen naast het Markdown-bestand)', en: 'The map as an image (PNG, saved separately beside the Markdown file)' }
                  : { nl: 'De kaart als afbeelding in de bijlage', en: 'The map as an image in the appendix' },
              )}
            </span>
          </label>
          {allowPrivate && (
            <PrivateFieldsChoice localize={localize} checked={includePrivate} onChange={setIncludePrivate} what={{ nl: 'het plan', en: 'the plan' }} />
          )}
        </fieldset>
      </div>
      {error && (
        <p className="mk-export-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
