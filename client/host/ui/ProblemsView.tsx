import type { DiagnosticSeverity, ProblemEntry } from '../api';
import { runCommand } from '../runCommand';
import { SEVERITY_ORDER } from '../services/ProblemsService';
import { useEventVersion, useHost, useLocalize } from './HostContext';
import { Icon } from './Icon';

const HEADINGS: Record<DiagnosticSeverity, { nl: string; en: string }> = {
  error: { nl: 'Fouten', en: 'Errors' },
  warning: { nl: 'Waarschuwingen', en: 'Warnings' },
  info: { nl: 'Meldingen', en: 'Notes' },
};

/** The Problems panel: problems grouped by severity; a click selects and frames the nodes; quick fixes beside. */
export function ProblemsView() {
  const { services } = useHost();
  const localize = useLocalize();
  useEventVersion(services.problems.onDidChangeProblems, services.problems);
  const problems = services.problems.getProblems();
  if (problems.length === 0) {
    return <p className="mk-view-message">{localize({ nl: 'Geen problemen gevonden op deze kaart.', en: 'No problems found on this map.' })}</p>;
  }
  const reveal = (p: ProblemEntry) => {
    if (!p.nodeIds?.length) return;
    services.session.selection.set(p.nodeIds);
    services.canvas.fitView(p.nodeIds);
  };
  return (
    <div className="mk-problems">
      {SEVERITY_ORDER.map((severity) => {
        const list = problems.filter((p) => p.severity === severity);
        if (list.length === 0) return null;
        const heading = `${localize(HEADINGS[severity])} (${list.length})`;
        return (
          <section key={severity} aria-label={heading}>
            <h3 className={`mk-problems-heading is-${severity}`}>{heading}</h3>
            <ul role="list">
              {list.map((p, i) => (
                <li key={`${p.providerId}:${p.code ?? ''}:${i}`} className="mk-problem" data-code={p.code}>
                  <button type="button" className="mk-problem-main" onClick={() => reveal(p)} disabled={!p.nodeIds?.length}>
                    <Icon name={severity} size={16} label={localize(HEADINGS[severity])} />
                    <span>{localize(p.message)}</span>
                  </button>
                  {p.quickFixes?.map((fix) => (
                    <button key={fix.command + JSON.stringify(fix.args ?? [])} type="button" className="mk-quickfix" onClick={() => void runCommand(services, fix.command, ...(fix.args ?? []))}>
                      <Icon name="lightbulb" size={14} />
                      {localize(fix.title)}
                    </button>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
