import type { LocalizedText, MantelkaartApi } from '../../host/api';
import type { MapFileError } from '../../../shared/exchange/mapFileProblem';

/** More than this many errors are summarised: the first ones usually explain the rest. */
const SHOWN = 30;

export interface ImportErrorDialogProps {
  /** The host's dialog frame (api.ui). */
  ui: MantelkaartApi['ui'];
  localize: (text: LocalizedText) => string;
  fileName: string;
  errors: readonly MapFileError[];
  close: () => void;
}

/** Why a file could not be imported: each problem in plain words with where it is (line and field path). */
export function ImportErrorDialog({ ui: { Modal }, localize, fileName, errors, close }: ImportErrorDialogProps) {
  const shown = errors.slice(0, SHOWN);
  return (
    <Modal
      title={localize({ nl: 'Dit bestand kan niet worden geïmporteerd', en: 'This file cannot be imported' })}
      labelId="mk-import-error-title"
      testId="import-error-dialog"
      wide
      onDismiss={close}
      onSubmit={close}
      footer={
        <button type="submit" className="button primary" autoFocus>
          {localize({ nl: 'Sluiten', en: 'Close' })}
        </button>
      }
    >
      <div className="mk-export-body">
        <p>
          <span className="mk-import-file">{fileName}</span>
          {' '}
          {localize({
            nl: errors.length === 1 ? 'heeft één probleem.' : `heeft ${errors.length} problemen.`,
            en: errors.length === 1 ? 'has one problem.' : `has ${errors.length} problems.`,
          })}{' '}
          {localize({
            nl: 'Er is niets veranderd en er is geen nieuwe kaart gemaakt. Herstel het bestand, of exporteer de kaart opnieuw uit Mantelkaart.',
            en: 'Nothing has changed and no new map was created. Repair the file, or export the map from Mantelkaart again.',
          })}
        </p>
        <ul className="mk-import-errors" aria-label={localize({ nl: 'Problemen in het bestand', en: 'Problems in the file' })}>
          {shown.map((e, i) => (
            <li key={i} data-code={e.code}>
              <div className="mk-import-where">
                {e.line !== undefined && <span>{localize({ nl: `Regel ${e.line}`, en: `Line ${e.line}` })}</span>}
                <span>
                  {e.path ? (
                    <>
                      {localize({ nl: 'Veld', en: 'Field' })} <code>{e.path}</code>
                    </>
                  ) : (
                    localize({ nl: 'Het hele bestand', en: 'The whole file' })
                  )}
                </span>
              </div>
              <div>{localize(e.message)}</div>
            </li>
          ))}
        </ul>
        {errors.length > SHOWN && (
          <p>
            {localize({
              nl: `En nog ${errors.length - SHOWN} problemen. Herstel eerst deze; vaak verdwijnen de rest dan ook.`,
              en: `And ${errors.length - SHOWN} more. Fix these first; the rest often go away with them.`,
            })}
          </p>
        )}
      </div>
    </Modal>
  );
}
