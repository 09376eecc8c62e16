import { isLocale, setLocale, useLocale, useT } from './i18n';

/** A small select; the labels are each language's own name so anyone can find theirs. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select aria-label={t('lang.label')} value={locale} onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}>
        <option value="nl">{t('lang.nl')}</option>
        <option value="en">{t('lang.en')}</option>
      </select>
    </label>
  );
}
