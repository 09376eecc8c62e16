import type { MantelkaartApi } from '../../../host/api';
import { MAP_TEMPLATES } from '../../../../shared/stakeholders/templates/index';
import { ID } from '../ids';

/** The templates as big buttons, offered while the map is still empty. */
export function TemplatePicker({ api, language }: { api: MantelkaartApi; language: 'nl' | 'en' }) {
  return (
    <section className="sh-templates" aria-label={language === 'nl' ? 'Beginnen met een sjabloon' : 'Start from a template'}>
      <h3>{language === 'nl' ? 'Beginnen met een sjabloon' : 'Start from a template'}</h3>
      {MAP_TEMPLATES.filter((tpl) => tpl.id !== 'leeg').map((tpl) => (
        <button key={tpl.id} type="button" className="sh-template" data-template={tpl.id} onClick={() => void api.commands.executeCommand(ID.cmd.applyTemplate, tpl.id)}>
          <strong>{tpl.title[language]}</strong>
          <span>{tpl.description[language]}</span>
        </button>
      ))}
    </section>
  );
}
