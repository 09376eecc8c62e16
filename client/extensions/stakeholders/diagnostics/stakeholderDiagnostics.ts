import type { Diagnostic, DiagnosticProvider } from '../../../host/api';
import { diagnose, type Problem } from '../../../../shared/stakeholders';

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

/** The domain's diagnose() as a diagnostic provider; the host reruns it (debounced) after every change. */
export const stakeholderDiagnostics: DiagnosticProvider = {
  provideDiagnostics: (map) => diagnose(map).map(toDiagnostic),
};
