import type { LocalizedText } from '../api';

type Localize = (text: LocalizedText) => string;

/** The AVG opt-in for phone numbers and e-mail addresses: unticked unless the person ticks it, with the why next to it. */
export interface PrivateFieldsChoiceProps {
  localize: Localize;
  checked: boolean;
  onChange: (v: boolean) => void;
  /** What the export is, in the warning: "het plan", "the file". */
  what: LocalizedText;
}

export function PrivateFieldsChoice({ localize, checked, onChange, what }: PrivateFieldsChoiceProps) {
  return (
    <>
      <label className="mk-export-check">
        <input type="checkbox" name="includePrivate" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>{localize({ nl: 'Contactgegevens meenemen (telefoon, e-mail, adres)', en: 'Include contact details (phone, e-mail, address)' })}</span>
      </label>
      <p className={`mk-export-warning${checked ? ' is-active' : ''}`} role="note">
        {localize({
          nl: `AVG: ${what.nl} bevat dan gegevens van echte, soms kwetsbare mensen. Deel het alleen met wie ze echt nodig heeft en gooi het weg als het niet meer nodig is.`,
          en: `GDPR: ${what.en} will then hold details of real, sometimes vulnerable people. Share it only with those who really need them and delete it when it is no longer needed.`,
        })}
      </p>
    </>
  );
}
