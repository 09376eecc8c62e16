import { useMemo, useState, type ComponentType } from 'react';
import type { MantelkaartApi, NodeRecord, ViewProps } from '../../../host/api';
import {
  COMMITMENT_FIELDS,
  COMMITMENT_ROLE_OPTIONS,
  COMMITMENT_STATUS_OPTIONS,
  COMMITMENTS,
  commitmentTotals,
  formatEuro,
  formatHours,
  nodeName,
  PARTY_KINDS,
  readCommitments,
  STAKEHOLDER_COMMANDS,
  type Commitment,
} from '../../../../shared/stakeholders';
import { useObservable, useSnapshot, type StakeholderState } from '../state';
import { FieldEditor } from './FieldEditor';
import { HoursChart } from './HoursChart';

/** The table's columns: the commitment fields a team fills in at the table; the rest is in the row's details. */
const COLUMNS = ['who', 'role', 'task', 'hours', 'unit', 'from', 'to', 'status', 'hourlyRate', 'servesOffer'] as const;
type Column = (typeof COLUMNS)[number];
const fieldOf = (key: string) => COMMITMENT_FIELDS.find((f) => f.key === key)!;

function sortValue(c: Commitment, column: Column, names: Map<string, string>): string | number {
  switch (column) {
    case 'who':
      return c.who ? (names.get(c.who) ?? '') : '';
    case 'servesOffer':
      return c.servesOffer ? (names.get(c.servesOffer) ?? '') : '';
    case 'hours':
      return c.hours ?? -1;
    case 'hourlyRate':
      return c.hourlyRate ?? -1;
    default:
      return c[column] ?? '';
  }
}

/** Sorts commitments by a column; empty values last either way. Exported for its test. */
export function sortCommitments(list: Commitment[], column: Column, descending: boolean, names: Map<string, string>): Commitment[] {
  return [...list].sort((a, b) => {
    const va = sortValue(a, column, names);
    const vb = sortValue(b, column, names);
    const emptyA = va === '' || va === -1;
    const emptyB = vb === '' || vb === -1;
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'nl');
    return descending ? -cmp : cmp;
  });
}

/** The Commitments panel: an editable table, totals per party and per role, hours per month and the budget. */
export function createCommitmentsView(api: MantelkaartApi, state: StakeholderState): ComponentType<ViewProps> {
  return function CommitmentsView({ language }) {
    const snapshot = useSnapshot(state);
    const filter = useObservable(state.commitmentsFilter);
    const focus = useObservable(state.focusRequest);
    const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'who', descending: false });
    const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
    const readOnly = !api.map.canEdit;
    const totals = useMemo(() => commitmentTotals(snapshot), [snapshot]);
    const all = useMemo(() => readCommitments(snapshot), [snapshot]);
    const names = useMemo(() => new Map(snapshot.nodes.map((n) => [n.id, nodeName(n, language)])), [snapshot, language]);
    const parties = snapshot.nodes.filter((n) => PARTY_KINDS.includes(n.kind));
    const refNodes: NodeRecord[] = snapshot.nodes;
    const shown = sortCommitments(
      all.filter((c) => (!filter.who || c.who === filter.who) && (!filter.role || c.role === filter.role) && (!filter.status || c.status === filter.status)),
      sort.column,
      sort.descending,
      names,
    );
    const lines = new Map(totals.lines.map((l) => [l.commitmentId, l]));
    const filtered = filter.who || filter.role || filter.status;
    const setFilter = (patch: Partial<typeof filter>) => state.commitmentsFilter.update({ ...patch, highlight: [] });

    return (
      <div className="sh-view sh-commitments" data-testid="commitments-view">
        <div className="sh-commitments-main">
          <div className="sh-toolbar" role="group" aria-label={t('Filter', 'Filter')}>
            <label>
              {t('Wie', 'Who')}
              <select value={filter.who} onChange={(e) => setFilter({ who: e.target.value })} data-filter="who">
                <option value="">{t('iedereen', 'everyone')}</option>
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {nodeName(p, language)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Rol', 'Role')}
              <select value={filter.role} onChange={(e) => setFilter({ role: e.target.value })} data-filter="role">
                <option value="">{t('alle rollen', 'all roles')}</option>
                {COMMITMENT_ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label[language]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Status', 'Status')}
              <select value={filter.status} onChange={(e) => setFilter({ status: e.target.value })} data-filter="status">
                <option value="">{t('alle', 'all')}</option>
                {COMMITMENT_STATUS_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label[language]}
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <button type="button" onClick={() => setFilter({ who: '', role: '', status: '' })}>
                {t('Filter wissen', 'Clear filter')}
              </button>
            )}
            {!readOnly && (
              <button type="button" className="is-primary" onClick={() => void api.commands.executeCommand(STAKEHOLDER_COMMANDS.addCommitment, filter.who ? { who: filter.who } : {})}>
                {t('+ Nieuwe afspraak', '+ New commitment')}
              </button>
            )}
          </div>
          <div className="sh-table-scroll">
            <table className="sh-table">
              <thead>
                <tr>
                  {COLUMNS.map((col) => {
                    const active = sort.column === col;
                    return (
                      <th key={col} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                        <button type="button" onClick={() => setSort({ column: col, descending: active ? !sort.descending : false })}>
                          {fieldOf(col).label[language]}
                          <span aria-hidden>{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                        </button>
                      </th>
                    );
                  })}
                  <th scope="col">{t('Per maand', 'Per month')}</th>
                  {!readOnly && <th scope="col"><span className="sh-visually-hidden">{t('Verwijderen', 'Delete')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => {
                  const record = snapshot.collections[COMMITMENTS]?.find((r) => r.id === c.id);
                  const line = lines.get(c.id);
                  return (
                    <tr key={c.id} data-commitment={c.id} className={filter.highlight.includes(c.id) ? 'is-highlighted' : undefined}>
                      {COLUMNS.map((col) => (
                        <td key={col} data-column={col}>
                          <FieldEditor
                            compact
                            field={col === 'who' ? { ...fieldOf('who'), refKinds: [...PARTY_KINDS] } : fieldOf(col)}
                            value={record?.data[col]}
                            language={language}
                            readOnly={readOnly}
                            nodes={refNodes}
                            focusSeq={focus && focus.target === 'commitment' && focus.id === c.id && focus.field === col ? focus.seq : undefined}
                            onCommit={(v) => api.map.putRecord(COMMITMENTS, { [col]: v }, c.id)}
                          />
                        </td>
                      ))}
                      <td className="sh-num">{line?.hoursPerMonth != null ? `${formatHours(line.hoursPerMonth, language)} ${t('u', 'h')}` : '—'}</td>
                      {!readOnly && (
                        <td>
                          <button type="button" className="sh-icon-button" aria-label={t(`Afspraak ${names.get(c.who ?? '') ?? ''} ${c.task} verwijderen`, `Delete commitment ${c.task}`)} onClick={() => api.map.deleteRecords(COMMITMENTS, [c.id])}>
                            ×
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
                {shown.length === 0 && (
                  <tr>
                    <td colSpan={COLUMNS.length + 2} className="sh-hint">
                      {all.length === 0 ? t('Nog geen afspraken. Spreek af wie hoeveel tijd aan wat besteedt.', 'No commitments yet. Agree who spends how much time on what.') : t('Geen afspraken die bij dit filter passen.', 'No commitments match this filter.')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </div>
        <aside className="sh-commitments-totals" aria-label={t('Totalen', 'Totals')}>
          <p className="sh-grand-total" data-testid="commitments-total">
            <span>
              {t('Totaal', 'Total')}: <strong>{formatHours(totals.totalHours, language)} {t('uur', totals.totalHours === 1 ? 'hour' : 'hours')}</strong>
            </span>
            <span>
              {t('Budget', 'Budget')}: <strong>{formatEuro(totals.totalBudget, language)}</strong>
            </span>
            {totals.period && <span className="sh-field-help">{`${totals.period.from} – ${totals.period.to}`}</span>}
          </p>
          <HoursChart months={totals.byMonth} language={language} />
          <div className="sh-totals-tables">
            <table className="sh-table is-small" data-testid="totals-by-party">
              <caption>{t('Per partij', 'Per party')}</caption>
              <tbody>
                {totals.byParty.map((p) => (
                  <tr key={p.partyId ?? ''} data-party={p.partyId ?? ''}>
                    <th scope="row">{p.partyId ? (names.get(p.partyId) ?? p.label) : t('(niemand ingevuld)', '(nobody filled in)')}</th>
                    <td className="sh-num">{formatHours(p.totalHours, language)} {t('u', 'h')}</td>
                    <td className="sh-num">{p.totalBudget ? formatEuro(p.totalBudget, language) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="sh-table is-small" data-testid="totals-by-role">
              <caption>{t('Per rol', 'Per role')}</caption>
              <tbody>
                {totals.byRole.map((r) => (
                  <tr key={r.role ?? ''}>
                    <th scope="row">{COMMITMENT_ROLE_OPTIONS.find((o) => o.value === r.role)?.label[language] ?? t('(geen rol)', '(no role)')}</th>
                    <td className="sh-num">{formatHours(r.totalHours, language)} {t('u', 'h')}</td>
                    <td className="sh-num">{r.totalBudget ? formatEuro(r.totalBudget, language) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </aside>
      </div>
    );
  };
}
