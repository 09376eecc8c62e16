import type { Language } from '../../../host/api';
import type { PlanTodo } from '../../../../shared/plan/planDocument';

/** Which part of the view a to-do of the plan model belongs to; the rest is about the map itself. */
export const PART_OF_SECTION: Record<string, string> = {
  titel: 'titel',
  samenvatting: 'titel',
  doelen: 'doelen',
  aanleiding: 'aanleiding',
  team: 'aanleiding',
  planning: 'planning',
  communicatie: 'communicatie',
  begroting: 'begroting',
  monitoring: 'monitoring',
  betrokkenheid: 'betrokkenheid',
  risicos: 'risicos',
};

const GROUPS: { part: string; title: { nl: string; en: string } }[] = [
  { part: 'titel', title: { nl: 'Titel en samenvatting', en: 'Title and summary' } },
  { part: 'doelen', title: { nl: 'Vraag en doelen', en: 'Question and goals' } },
  { part: 'aanleiding', title: { nl: 'Aanleiding en organisatie', en: 'Background and organisation' } },
  { part: 'planning', title: { nl: 'Planning en borgen', en: 'Planning and sustaining' } },
  { part: 'communicatie', title: { nl: 'Communicatie', en: 'Communication' } },
  { part: 'begroting', title: { nl: 'Begroting en dekking', en: 'Budget and funding' } },
  { part: 'monitoring', title: { nl: 'Monitoring', en: 'Monitoring' } },
  { part: 'betrokkenheid', title: { nl: 'Betrokkenheid', en: 'Involvement' } },
  { part: 'risicos', title: { nl: 'Risico’s', en: 'Risks' } },
  { part: 'kaart', title: { nl: 'Op de kaart', en: 'On the map' } },
];

/** What the plan still lacks, grouped by part; the document itself never prints it. */
export function PlanTodoPart({ todo, language, onJump }: { todo: PlanTodo[]; language: Language; onJump(part: string): void }) {
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  if (todo.length === 0) return <p className="sh-plan-complete">{t('Alles is ingevuld. Het plan kan zo de deur uit.', 'Everything is filled in. The plan is ready to send.')}</p>;
  const byPart = new Map<string, string[]>();
  for (const item of todo) {
    const part = PART_OF_SECTION[item.section] ?? 'kaart';
    byPart.set(part, [...(byPart.get(part) ?? []), item.text]);
  }
  return (
    <div className="sh-plan-todo" data-testid="plan-todo">
      <p className="sh-field-help">{t('Wat hier staat, komt niet in het document: een leeg onderdeel laat het plan gewoon weg.', 'Nothing listed here goes into the document: an empty part is simply left out of the plan.')}</p>
      {GROUPS.filter((g) => byPart.has(g.part)).map((g) => (
        <div key={g.part} className="sh-plan-todo-group">
          <h4>
            {g.part === 'kaart' ? (
              g.title[language]
            ) : (
              <button type="button" className="sh-link" onClick={() => onJump(g.part)}>
                {g.title[language]}
              </button>
            )}
          </h4>
          <ul>
            {byPart.get(g.part)!.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
