import { useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { Language, MantelkaartApi, ViewProps } from '../../../host/api';
import { fileDate } from '../../../../shared/exchange/fileNames';
import { buildPlanFrom } from '../../../../shared/plan/buildPlan';
import { planContext, type PlanContext } from '../../../../shared/plan/planContext';
import type { PlanDocument } from '../../../../shared/plan/planDocument';
import { PLAN_TEXT } from '../../../../shared/plan/planData';
import { useSnapshot, type StakeholderState } from '../state';
import { PlanBudgetPart } from './PlanBudgetPart';
import { PlanCommunicationPart } from './PlanCommunicationPart';
import { PlanGoalsPart } from './PlanGoalsPart';
import { PlanInfoPart } from './PlanInfoPart';
import { PlanMonitoringPart } from './PlanMonitoringPart';
import { PlanPlanningPart } from './PlanPlanningPart';
import { PlanPreview } from './PlanPreview';
import { PlanRisksPart } from './PlanRisksPart';
import { PlanTextArea } from './PlanTextArea';
import { PlanTodoPart, PART_OF_SECTION } from './PlanTodoPart';
import type { PlanPartProps } from './planPartProps';
import './plan.css';

/** The parts of the view, in the order of the plan; `todo` sections of the plan model count against each. */
export const PLAN_PARTS = [
  { id: 'titel', title: { nl: 'Titel en samenvatting', en: 'Title and summary' } },
  { id: 'doelen', title: { nl: 'Vraag en doelen', en: 'Question and goals' } },
  { id: 'aanleiding', title: { nl: 'Aanleiding en organisatie', en: 'Background and organisation' } },
  { id: 'planning', title: { nl: 'Planning en borgen', en: 'Planning and sustaining' } },
  { id: 'communicatie', title: { nl: 'Communicatie', en: 'Communication' } },
  { id: 'begroting', title: { nl: 'Begroting en dekking', en: 'Budget and funding' } },
  { id: 'monitoring', title: { nl: 'Monitoring', en: 'Monitoring' } },
  { id: 'betrokkenheid', title: { nl: 'Betrokkenheid', en: 'Involvement' } },
  { id: 'risicos', title: { nl: 'Risico’s', en: 'Risks' } },
  { id: 'todo', title: { nl: 'Nog te doen', en: 'Still to do' } },
] as const;
export type PlanPartId = (typeof PLAN_PARTS)[number]['id'];

function Part({ id, title, children, language }: { id: string; title: string; children: ReactNode; language: Language }) {
  return (
    <section className="sh-plan-part" id={`plan-part-${id}`} data-plan-part={id} aria-labelledby={`plan-part-${id}-h`} lang={language}>
      <h3 id={`plan-part-${id}-h`}>{title}</h3>
      {children}
    </section>
  );
}

/** The parts to write, one long page in the order of the plan. */
function PlanForm(props: PlanPartProps & { ctx: PlanContext; plan: PlanDocument; onJump(id: string): void }) {
  const { api, language, readOnly, ctx, plan } = props;
  const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
  const text = (key: keyof typeof PLAN_TEXT, label: string, hint: string, rows = 4) => (
    <PlanTextArea api={api} name={PLAN_TEXT[key]} label={label} hint={hint} rows={rows} readOnly={readOnly} />
  );
  const title = (i: number) => PLAN_PARTS[i].title[language];
  return (
    <>
      <Part id="titel" title={title(0)} language={language}>
        <PlanInfoPart {...props} />
        {text('summary', t('Samenvatting', 'Summary'), t('Voor de eerste pagina: wat het probleem is, wat jullie gaan doen en wat het kost. Een lege regel begint een nieuwe alinea.', 'For the first page: the problem, what you will do and what it costs. An empty line starts a new paragraph.'), 6)}
      </Part>
      <Part id="doelen" title={title(1)} language={language}>
        {text('question', t('De vraag van de lerende praktijk', 'The question of the learning practice'), t('Waar werkt het team dit jaar aan?', 'What does the team work on this year?'), 3)}
        <PlanGoalsPart {...props} />
      </Part>
      <Part id="aanleiding" title={title(2)} language={language}>
        {text('onderbouwing', t('Onderbouwing (stap 01)', 'Rationale (step 01)'), t('Signalen, cijfers en de aanknopingspunten in het beleid van de gemeente.', 'Signals, figures and the hooks in the municipality’s policy.'), 5)}
        {text('organisatie', t('Waar staat de organisatie (stap 02)', 'Where the organisation stands (step 02)'), t('Wat is er al, wat ontbreekt, wie doet mee.', 'What exists, what is missing, who takes part.'), 4)}
      </Part>
      <Part id="planning" title={title(3)} language={language}>
        <PlanPlanningPart {...props} plan={plan} />
        {text('borgen', t('Borgen: wat blijft na het project, en wie draagt het', 'Sustaining: what remains after the project, and who carries it'), t('Welk aanbod gaat door, wie houdt contact met de mantelzorgers en de sleutelfiguren?', 'Which offers continue, who keeps in touch with the caregivers and key figures?'), 4)}
      </Part>
      <Part id="communicatie" title={title(4)} language={language}>
        {text('communicatie', t('Hoe jullie communiceren', 'How you communicate'), t('Middelen en boodschappen, mondeling en schriftelijk.', 'Channels and messages, spoken and written.'), 3)}
        <PlanCommunicationPart {...props} ctx={ctx} />
      </Part>
      <Part id="begroting" title={title(5)} language={language}>
        <PlanBudgetPart {...props} budget={ctx.budget} />
      </Part>
      <Part id="monitoring" title={title(6)} language={language}>
        <PlanMonitoringPart {...props} ctx={ctx} />
      </Part>
      <Part id="betrokkenheid" title={title(7)} language={language}>
        {text('involvement', t('Hoe sleutelfiguren en partners meeschreven', 'How key figures and partners helped write the plan'), t('Wie las mee, wie schreef mee, wat is er met hun inbreng gedaan?', 'Who read along, who wrote along, what was done with their input?'), 4)}
      </Part>
      <Part id="risicos" title={title(8)} language={language}>
        <PlanRisksPart {...props} ctx={ctx} />
      </Part>
      <Part id="todo" title={title(9)} language={language}>
        <PlanTodoPart todo={plan.todo} language={language} onJump={props.onJump} />
      </Part>
    </>
  );
}

/**
 * The Projectplan view: what the team writes beside the map for its funder (question, goals, texts, budget and
 * funding, planning, monitoring, risk owners), co-edited live in the map's document; a list of what is still
 * missing; and the export. Read-only on a view link, like the map.
 */
export function createPlanView(api: MantelkaartApi, state: StakeholderState): ComponentType<ViewProps> {
  return function PlanView({ language }) {
    const snapshot = useSnapshot(state);
    const readOnly = !api.map.canEdit;
    const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
    const date = fileDate();
    // One context per change: the diagnostics, totals and budget behind it are computed once for the whole view.
    const ctx = useMemo(() => planContext(snapshot, { date, lang: language }), [snapshot, language, date]);
    const plan = useMemo(() => buildPlanFrom(ctx, { date }), [ctx, date]);
    const data = ctx.data;
    const body = useRef<HTMLDivElement>(null);
    // A view link reads the plan as a document; an editor writes it, and can look at the document any time.
    const [mode, setMode] = useState<'write' | 'read'>(readOnly ? 'read' : 'write');
    const switchMode = (next: 'write' | 'read') => {
      setMode(next);
      body.current?.scrollTo({ top: 0 });
    };
    const counts = new Map<string, number>();
    for (const item of plan.todo) {
      const part = PART_OF_SECTION[item.section] ?? 'todo';
      counts.set(part, (counts.get(part) ?? 0) + 1);
    }
    const jump = (id: string) => {
      const el = body.current?.querySelector<HTMLElement>(`#plan-part-${id}`);
      el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      el?.querySelector<HTMLElement>('textarea, input, select, button')?.focus({ preventScroll: true });
    };
    const common = { api, language, readOnly, snapshot, data };
    return (
      <div className="sh-view sh-plan" data-testid="plan-view">
        <nav className="sh-plan-nav" aria-label={t('Delen van het plan', 'Parts of the plan')}>
          <div className="sh-plan-mode" role="group" aria-label={t('Weergave', 'View')}>
            <button type="button" aria-pressed={mode === 'write'} data-plan-mode="write" onClick={() => switchMode('write')}>
              {readOnly ? t('Invulling', 'Details') : t('Schrijven', 'Write')}
            </button>
            <button type="button" aria-pressed={mode === 'read'} data-plan-mode="read" onClick={() => switchMode('read')}>
              {t('Document', 'Document')}
            </button>
          </div>
          {mode === 'write' && (
            <ol>
              {PLAN_PARTS.map((p) => {
                const n = p.id === 'todo' ? plan.todo.length : (counts.get(p.id) ?? 0);
                return (
                  <li key={p.id}>
                    <button type="button" data-plan-nav={p.id} onClick={() => jump(p.id)}>
                      <span>{p.title[language]}</span>
                      {n > 0 ? (
                        <span className="sh-plan-count" aria-label={t(`${n} open`, `${n} open`)}>
                          {n}
                        </span>
                      ) : (
                        <span className="sh-plan-done" aria-label={t('compleet', 'complete')}>
                          ✓
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          <button type="button" className="is-primary sh-plan-export" onClick={() => void api.commands.executeCommand('stakeholders.exportPlan')}>
            {t('Plan exporteren…', 'Export plan…')}
          </button>
          {readOnly && <p className="sh-field-help">{t('Je bekijkt het plan; alleen wie een bewerklink heeft, kan het aanpassen.', 'You are viewing the plan; only people with an edit link can change it.')}</p>}
        </nav>
        <div className="sh-plan-body" ref={body}>
          {mode === 'read' ? <PlanPreview plan={plan} /> : <PlanForm {...common} ctx={ctx} plan={plan} onJump={jump} />}
        </div>
      </div>
    );
  };
}
