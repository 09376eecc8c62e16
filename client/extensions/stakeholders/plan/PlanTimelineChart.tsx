import type { PlanTimeline } from '../../../../shared/plan/planDocument';

/** The planning chart as the document draws it: a row per phase, a filled cell per month, milestones marked. */
export function PlanTimelineChart({ timeline, label }: { timeline: PlanTimeline; label: string }) {
  return (
    <figure className="sh-plan-timeline">
      <div className="sh-table-scroll">
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col" />
              {timeline.months.map((m, i) => (
                <th key={i} scope="col">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {timeline.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.active.map((on, i) => (
                  <td key={i} className={on ? 'is-on' : undefined}>
                    {r.marks.filter((m) => m.index === i).map((m) => m.label).join('')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption>{timeline.legend}</figcaption>
    </figure>
  );
}
