import { useEffect, useMemo, useRef, type ComponentType } from 'react';
import type { MantelkaartApi, ViewProps } from '../../../host/api';
import { KIND, kindSpec, nodeName, PARTNER_CATEGORY_OPTIONS, PARTNER_ROLE_OPTIONS, PHASE_OPTIONS, STAKEHOLDER_KINDS } from '../../../../shared/stakeholders';
import { findNodes, isEmptyQuery, type FindQuery } from '../find/findNodes';
import { useObservable, useSnapshot, type StakeholderState } from '../state';

/** The Find view: search by name, filter by kind, community, category, role and phase; the rest of the map dims. */
export function createFindView(api: MantelkaartApi, state: StakeholderState, focusSearch: { seq: number }): ComponentType<ViewProps> {
  return function FindView({ language }) {
    const snapshot = useSnapshot(state);
    const query = useObservable(state.findQuery);
    const focus = useObservable(state.focus);
    const steps = useObservable(state.focusSteps);
    const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
    const input = useRef<HTMLInputElement>(null);
    useEffect(() => input.current?.focus(), [focusSearch.seq]);
    const results = useMemo(() => (isEmptyQuery(query) ? [] : findNodes(snapshot, query)), [snapshot, query]);
    const set = (patch: Partial<FindQuery>) => state.findQuery.update(patch);
    const communities = snapshot.nodes.filter((n) => n.kind === KIND.community);
    const select = (label: string, key: 'community' | 'category' | 'role' | 'phase', options: { value: string; label: string }[]) => (
      <label className="sh-filter">
        {label}
        <select value={query[key]} onChange={(e) => set({ [key]: e.target.value })} data-filter={key}>
          <option value="">{t('alle', 'all')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    );
    return (
      <div className="sh-view sh-find" data-testid="find-view">
        <input
          ref={input}
          type="search"
          className="sh-search"
          aria-label={t('Zoeken op naam', 'Search by name')}
          placeholder={t('Zoek op naam, taal, wijk…', 'Search by name, language, area…')}
          value={query.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <div className="sh-kind-filter" role="group" aria-label={t('Soort', 'Kind')}>
          {STAKEHOLDER_KINDS.filter((k) => !k.background).map((k) => {
            const on = query.kinds.includes(k.id);
            return (
              <button key={k.id} type="button" aria-pressed={on} className={`sh-chip-button ${on ? 'is-on' : ''}`} style={{ borderColor: k.borderColor }} onClick={() => set({ kinds: on ? query.kinds.filter((x) => x !== k.id) : [...query.kinds, k.id] })}>
                {k.pluralTitle[language]}
              </button>
            );
          })}
        </div>
        <div className="sh-filters">
          {select(t('Gemeenschap', 'Community'), 'community', communities.map((c) => ({ value: c.id, label: nodeName(c, language) })))}
          {select(t('Categorie', 'Category'), 'category', PARTNER_CATEGORY_OPTIONS.map((o) => ({ value: o.value, label: o.label[language] })))}
          {select(t('Rol', 'Role'), 'role', PARTNER_ROLE_OPTIONS.map((o) => ({ value: o.value, label: o.label[language] })))}
          {select(t('Fase', 'Phase'), 'phase', PHASE_OPTIONS.map((o) => ({ value: o.value, label: o.label[language] })))}
        </div>
        {!isEmptyQuery(query) && (
          <p className="sh-result-count" role="status">
            {t(`${results.length} gevonden; de rest van de kaart is gedimd.`, `${results.length} found; the rest of the map is dimmed.`)}{' '}
            <button type="button" className="sh-link" onClick={() => state.findQuery.set({ text: '', kinds: [], community: '', category: '', role: '', phase: '' })}>
              {t('Wissen', 'Clear')}
            </button>
          </p>
        )}
        <ul className="sh-results">
          {results.map((n) => (
            <li key={n.id}>
              <button type="button" onClick={() => api.canvas.revealNodes([n.id], { select: true })}>
                <span className="sh-result-kind">{kindSpec(n.kind)?.title[language] ?? n.kind}</span> {nodeName(n, language)}
              </button>
            </li>
          ))}
        </ul>
        <section className="sh-focus" aria-label={t('Focus', 'Focus')}>
          <h3>{t('Focus op selectie en buren', 'Focus on selection and neighbours')}</h3>
          <label className="sh-filter">
            {t('Stappen', 'Steps')}
            <input
              type="number"
              min={0}
              max={6}
              value={steps}
              onChange={(e) => {
                const n = Math.max(0, Math.min(6, Math.round(Number(e.target.value) || 0)));
                state.focusSteps.set(n);
                if (focus) state.focus.set({ ...focus, steps: n });
              }}
            />
          </label>
          <div className="sh-buttons">
            <button type="button" disabled={api.map.getSelection().length === 0} onClick={() => state.focus.set({ nodeIds: api.map.getSelection(), steps })}>
              {t('Focus op selectie', 'Focus on selection')}
            </button>
            {focus && (
              <button type="button" onClick={() => state.focus.set(null)}>
                {t('Focus opheffen', 'Clear focus')}
              </button>
            )}
          </div>
        </section>
      </div>
    );
  };
}
