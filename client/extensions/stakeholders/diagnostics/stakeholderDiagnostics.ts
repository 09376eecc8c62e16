import type { Diagnostic, DiagnosticProvider } from '../../../host/api';
import type { Problem } from '../../../../shared/stakeholders/diagnostics/index';

/** A domain problem as the host shows it: the quick fix's argument object becomes the command's one argument. */
export function toDiagnostic(p: Problem): Diagnostic {
  return {
    severity: p.severity,
    code: `stakeholders/${p.code}`,
    message: p.message,
    nodeIds: p.nodeIds,
    quickFixes: p.quickFixes?.map((q) => ({ title: q.title, command: q.command, args: [q.args] })),
  };
}

/**
 * The domain's diagnose() as a diagnostic provider; the host reruns it (debounced) after every change. The checks
 * (and their messages in two languages) load with the first run, after the map is drawn: a phone opening a view link
 * needs the cards first, the problem markers a moment later.
 */
export const stakeholderDiagnostics: DiagnosticProvider = {
  provideDiagnostics: async (map) => {
    const { diagnose } = await import('../../../../shared/stakeholders/diagnostics/index');
    return diagnose(map).map(toDiagnostic);
  },
};
