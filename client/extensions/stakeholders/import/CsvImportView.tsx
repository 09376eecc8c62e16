import { useState, type ComponentType } from 'react';
import type { MantelkaartApi, ViewProps } from '../../../host/api';
import { LockIcon } from '../views/FieldEditor';
import { kindSpec } from '../../../../shared/stakeholders';
import { CSV_TARGETS, csvRowsToNodes, exampleHeader, previewCsvImport, type CsvPreview, type CsvTarget } from '../../../../shared/stakeholders/csvImport';

/** Writes the accepted rows as nodes (and their private fields) in one undoable step; returns the new ids. */
export function importRows(api: MantelkaartApi, preview: CsvPreview, at: { x: number; y: number }): string[] {
  const created = csvRowsToNodes(preview.rows, preview.target, at);
  const ids: string[] = [];
  api.map.transact(() => {
    for (const { node, privateFields } of created) {
      const id = api.map.createNode(node);
      ids.push(id);
      if (Object.keys(privateFields).length && api.map.hasPrivateFields) api.map.setPrivateFields(id, privateFields);
    }
  });
  return ids;
}

/** Import partners, team members or key figures from a CSV as teams keep them in Excel: preview first, then create. */
export function createCsvImportView(api: MantelkaartApi): ComponentType<ViewProps> {
  return function CsvImportView({ language }) {
    const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
    const [target, setTarget] = useState<CsvTarget>('partner');
    const [text, setText] = useState('');
    const [preview, setPreview] = useState<CsvPreview | null>(null);
    const [done, setDone] = useState<number | null>(null);
    const run = (body: string, tgt: CsvTarget) => {
      setDone(null);
      setPreview(body.trim() ? previewCsvImport(body, tgt) : null);
    };
    const privateHidden = !api.map.hasPrivateFields;
    return (
      <div className="sh-view sh-import" data-testid="csv-import">
        <label className="sh-field">
          {t('Wat importeer je?', 'What are you importing?')}
          <select
            value={target}
            onChange={(e) => {
              const tgt = e.target.value as CsvTarget;
              setTarget(tgt);
              run(text, tgt);
            }}
          >
            {CSV_TARGETS.map((k) => (
              <option key={k} value={k}>
                {kindSpec(k)?.pluralTitle[language]}
              </option>
            ))}
          </select>
        </label>
        <p className="sh-field-help">
          {t('Kolommen, bijvoorbeeld: ', 'Columns, for example: ')}
          <code>{exampleHeader(target)}</code>
        </p>
        <label className="sh-field">
          {t('Kies een CSV-bestand (uit Excel: ‘CSV UTF-8’)', 'Choose a CSV file (from Excel: ‘CSV UTF-8’)')}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const body = await file.text();
              setText(body);
              run(body, target);
            }}
          />
        </label>
        <label className="sh-field">
          {t('…of plak de rijen hier', '…or paste the rows here')}
          <textarea rows={5} value={text} onChange={(e) => (setText(e.target.value), run(e.target.value, target))} data-testid="csv-text" />
        </label>
        {preview?.fileError && (
          <p className="sh-field-error" role="alert">
            {preview.fileError[language]}
          </p>
        )}
        {preview && !preview.fileError && (
          <>
            <h3>{t(`${preview.rows.length} ${preview.rows.length === 1 ? 'rij' : 'rijen'} klaar om te importeren`, `${preview.rows.length} row${preview.rows.length === 1 ? '' : 's'} ready to import`)}</h3>
            {preview.columns.some((c) => c.field === null) && (
              <p className="sh-field-help">
                {t('Niet gebruikt: ', 'Not used: ')}
                {preview.columns.filter((c) => c.field === null).map((c) => `‘${c.header}’`).join(', ')}
              </p>
            )}
            <div className="sh-table-scroll">
              <table className="sh-table is-small" data-testid="csv-preview">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('Naam', 'Name')}</th>
                    <th scope="col">{t('Velden', 'Fields')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <td className="sh-num">{r.row}</td>
                      <td>{r.label}</td>
                      <td>
                        {r.fields.map((f) => (
                          <span key={f.key} className={`sh-csv-field ${f.private ? 'is-private' : ''}`} title={f.private ? t('Privé: komt niet op de gedeelde kaart', 'Private: not on the shared map') : undefined}>
                            {f.private && <LockIcon />} 
                            {f.label[language]}: {Array.isArray(f.value) ? f.value.join(', ') : String(f.value)}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {preview.rows.some((r) => r.fields.some((f) => f.private)) && (
              <p className="sh-field-help">
                {privateHidden
                  ? t('Privévelden (telefoon, e-mail) kunnen via deze link niet worden opgeslagen en worden overgeslagen.', 'Private fields cannot be stored on this link and are skipped.')
                  : t('Privévelden (telefoon, e-mail, met slotje) gaan naar het afgeschermde deel: wie alleen meekijkt, ziet ze nooit.', 'Private fields (with a padlock) go to the protected part: viewers never see them.')}
              </p>
            )}
            {preview.errors.length > 0 && (
              <section className="sh-csv-errors" aria-label={t('Rijen met fouten', 'Rows with errors')}>
                <h3>{t(`${preview.errors.length} ${preview.errors.length === 1 ? 'rij wordt' : 'rijen worden'} overgeslagen`, `${preview.errors.length} row${preview.errors.length === 1 ? ' is' : 's are'} skipped`)}</h3>
                <ul>
                  {preview.errors.map((e) => (
                    <li key={e.row} className="sh-field-error">
                      {e.message[language]}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <button
              type="button"
              className="is-primary"
              disabled={preview.rows.length === 0 || !api.map.canEdit}
              onClick={() => {
                const ids = importRows(api, preview, api.canvas.getCenter());
                setDone(ids.length);
                setPreview(null);
                setText('');
                api.canvas.revealNodes(ids, { select: true });
              }}
            >
              {t(`${preview.rows.length} importeren`, `Import ${preview.rows.length}`)}
            </button>
          </>
        )}
        {done !== null && (
          <p role="status" className="sh-done">
            {t(`${done} toegevoegd aan de kaart. Ongedaan maken kan met Ctrl+Z.`, `${done} added to the map. Undo with Ctrl+Z.`)}
          </p>
        )}
      </div>
    );
  };
}
