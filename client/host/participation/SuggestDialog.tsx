import { useMemo, useState } from 'react';
import { readNodes } from '../../../shared/model/mapDoc';
import type { LocalizedText } from '../../../shared/model/fields';
import { SUGGESTION_LIMITS } from '../../../shared/participation/suggestions';
import type { HostServices } from '../HostServices';
import { Modal } from '../ui/Dialog';

/**
 * A participant's suggestion for the map ("Ik ken een sleutelfiguur"): what kind, a name, a short note, the card it
 * relates to, and optionally their own name. It asks for no contact details of anyone and says why.
 */
export function SuggestDialog({ services, close }: { services: HostServices; close: (sent?: boolean) => void }) {
  const t = (text: LocalizedText) => services.localize(text);
  const { kinds: allowed } = services.participation.get().suggest;
  const forms = services.suggestions
    .all()
    .map((s) => s.declaration)
    .filter((s) => allowed.length === 0 || allowed.includes(s.kind));
  const [formId, setFormId] = useState(forms[0]?.id ?? '');
  const form = forms.find((f) => f.id === formId);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [relatesTo, setRelatesTo] = useState('');
  const [from, setFrom] = useState(() => services.session.userName?.() ?? '');
  const [busy, setBusy] = useState(false);
  const targets = useMemo(
    () => (form?.relatesTo ? readNodes(services.session.doc).filter((n) => form.relatesTo!.kinds.includes(n.kind) && n.label.trim()).sort((a, b) => a.label.localeCompare(b.label)) : []),
    [form, services],
  );
  const ok = !!form && name.trim().length > 0;
  const submit = async () => {
    if (!ok || busy || !form) return;
    setBusy(true);
    const sent = await services.participation.suggest({
      kind: form.kind,
      name: name.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(relatesTo && targets.some((n) => n.id === relatesTo) ? { relatesTo } : {}),
      ...(from.trim() ? { from: from.trim() } : {}),
    });
    setBusy(false);
    if (sent) close(true);
  };
  return (
    <Modal
      title={t({ nl: 'Voorstel doen', en: 'Make a suggestion' })}
      labelId="mk-suggest"
      testId="suggest-dialog"
      onDismiss={() => close()}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={() => close()}>
            {t({ nl: 'Annuleren', en: 'Cancel' })}
          </button>
          <button type="submit" className="button primary" disabled={!ok || busy}>
            {t({ nl: 'Versturen naar de begeleider', en: 'Send to the facilitator' })}
          </button>
        </>
      }
    >
      <div className="mk-export-body mk-form">
        {forms.length === 0 ? (
          <p>{t({ nl: 'Deze kaart neemt geen voorstellen aan.', en: 'This map takes no suggestions.' })}</p>
        ) : (
          <>
            <fieldset>
              <legend>{t({ nl: 'Wat wil je voorstellen?', en: 'What would you like to suggest?' })}</legend>
              <div className="mk-export-choices">
                {forms.map((f) => (
                  <label key={f.id} className="mk-export-choice">
                    <input type="radio" name="mk-suggest-kind" value={f.id} checked={f.id === formId} onChange={() => setFormId(f.id)} />
                    <span>{t(f.title)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="mk-form-row">
              <span>{t({ nl: 'Naam', en: 'Name' })}</span>
              <input value={name} maxLength={SUGGESTION_LIMITS.nameChars} onChange={(e) => setName(e.target.value)} placeholder={form?.namePlaceholder ? t(form.namePlaceholder) : ''} data-testid="suggest-name" />
            </label>
            <label className="mk-form-row">
              <span>{t({ nl: 'Korte toelichting (mag leeg)', en: 'Short note (optional)' })}</span>
              <textarea rows={3} value={note} maxLength={SUGGESTION_LIMITS.noteChars} onChange={(e) => setNote(e.target.value)} placeholder={form?.notePlaceholder ? t(form.notePlaceholder) : ''} />
            </label>
            {form?.relatesTo && targets.length > 0 && (
              <label className="mk-form-row">
                <span>{t(form.relatesTo.label)}</span>
                <select value={relatesTo} onChange={(e) => setRelatesTo(e.target.value)} data-testid="suggest-relates">
                  <option value="">{t({ nl: '— niet nodig —', en: '— not needed —' })}</option>
                  {targets.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="mk-form-row">
              <span>{t({ nl: 'Je eigen naam (mag leeg)', en: 'Your own name (optional)' })}</span>
              <input value={from} maxLength={SUGGESTION_LIMITS.fromChars} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <p className="mk-form-hint mk-avg-note">
              {t({
                nl: 'Geen telefoonnummers, adressen of e-mail van anderen: die vraagt het team zelf, met toestemming (AVG). Alleen de begeleiders zien je voorstel, tot ze het op de kaart zetten of laten liggen.',
                en: 'No phone numbers, addresses or e-mail of others: the team asks for those itself, with consent (GDPR). Only the facilitators see your suggestion, until they put it on the map or leave it.',
              })}
            </p>
          </>
        )}
      </div>
    </Modal>
  );
}
