import { formatEuro, formatHours, formatMonth, type MonthTotals } from '../../../../shared/stakeholders';

/**
 * Hours per month across the project's period as SVG bars, with the busiest month's value on the axis.
 * A table of the same numbers sits behind it for screen readers.
 */
export function HoursChart({ months, language }: { months: MonthTotals[]; language: 'nl' | 'en' }) {
  if (months.length === 0) return null;
  const width = Math.max(360, months.length * 38);
  const height = 170;
  const pad = { top: 18, bottom: 34, left: 40, right: 8 };
  const max = Math.max(1, ...months.map((m) => m.hours));
  const barW = (width - pad.left - pad.right) / months.length;
  const y = (h: number) => pad.top + (height - pad.top - pad.bottom) * (1 - h / max);
  const title = language === 'nl' ? 'Uren per maand' : 'Hours per month';
  const short = (m: string) => formatMonth(m, language).slice(0, 3) + (m.endsWith('-01') || m === months[0].month ? ` ’${m.slice(2, 4)}` : '');
  return (
    <figure className="sh-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet" style={{ maxWidth: width }}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} stroke="#e2e8f0" />
            <text x={pad.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#64748b">
              {formatHours(max * f, language)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = pad.left + i * barW + 3;
          const top = y(m.hours);
          return (
            <g key={m.month} data-month={m.month}>
              <rect x={x} y={top} width={Math.max(2, barW - 6)} height={Math.max(0, height - pad.bottom - top)} rx="2" fill="#2b6cb0">
                <title>{`${formatMonth(m.month, language)}: ${formatHours(m.hours, language)} ${language === 'nl' ? 'uur' : 'h'}${m.budget ? `, ${formatEuro(m.budget, language)}` : ''}`}</title>
              </rect>
              <text x={x + (barW - 6) / 2} y={height - pad.bottom + 14} textAnchor="middle" fontSize="10.5" fill="#334155">
                {short(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sh-visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month, language)}</th>
              <td>{formatHours(m.hours, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
