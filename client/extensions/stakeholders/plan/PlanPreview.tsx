import type { PlanBlock, PlanDocument, PlanTable } from '../../../../shared/plan/planDocument';
import { PlanTimelineChart } from './PlanTimelineChart';

function Table({ table }: { table: PlanTable }) {
  const cls = (i: number) => (table.numeric?.[i] ? 'sh-num' : undefined);
  return (
    <div className="sh-table-scroll">
      <table className="sh-table sh-plan-doc-table">
        {table.caption && <caption>{table.caption}</caption>}
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th key={i} scope="col" className={cls(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, j) => (
            <tr key={j}>
              {table.header.map((_, i) => (
                <td key={i} className={cls(i)}>
                  {r[i]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot>
            <tr>
              {table.header.map((_, i) => (
                <td key={i} className={cls(i)}>
                  {table.totals![i]}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Block({ block }: { block: PlanBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'bullets':
      return (
        <ul>
          {block.items.map((i, k) => (
            <li key={k}>{i}</li>
          ))}
        </ul>
      );
    case 'table':
      return <Table table={block.table} />;
    case 'facts':
      return (
        <dl className="sh-plan-doc-facts">
          {block.items.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'timeline':
      return <PlanTimelineChart timeline={block.timeline} label={block.timeline.legend} />;
    case 'mapImage':
      return null;
  }
}

/** The plan as the document will read, drawn from the same plan model as Word and Markdown: what a view link shows. */
export function PlanPreview({ plan }: { plan: PlanDocument }) {
  const tp = plan.titlePage;
  return (
    <article className="sh-plan-doc" data-testid="plan-preview" lang={plan.lang}>
      <header>
        <h2>{tp.title}</h2>
        <p className="sh-plan-doc-subtitle">{tp.subtitle}</p>
        <p className="sh-field-help">{tp.date}</p>
        {tp.blocks.map((b, i) => (
          <Block key={i} block={b} />
        ))}
        {plan.summary.length > 0 && (
          <section>
            <h3>{plan.labels.summary}</h3>
            {plan.summary.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        )}
      </header>
      {plan.sections.map((s) => (
        <section key={s.id} data-plan-section={s.id}>
          {s.level === 1 ? <h3>{s.heading}</h3> : <h4>{s.heading}</h4>}
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}
