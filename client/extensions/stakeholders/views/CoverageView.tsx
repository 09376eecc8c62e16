import { useMemo, type ComponentType } from 'react';
import type { MantelkaartApi, ViewProps } from '../../../host/api';
import { coverage, nodeName, PARTNER_CATEGORIES, PARTNER_ROLES, PHASES } from '../../../../shared/stakeholders';
import { ID } from '../ids';
import { useSnapshot, type StakeholderState } from '../state';

const SHORT_ROLE = {
  verwijzer: { nl: 'Verw.', en: 'Ref.' },
  doorverwijsorganisatie: { nl: 'Doorv.', en: 'Refd.' },
  samenwerkingspartner: { nl: 'Samen', en: 'Coll.' },
  kennispartner: { nl: 'Kennis', en: 'Know.' },
} as const;

/** The Coverage view: partner categories × roles, the three knowledge sources, and reach per community. */
export function createCoverageView(api: MantelkaartApi, state: StakeholderState): ComponentType<ViewProps> {
  return function CoverageView({ language }) {
    const snapshot = useSnapshot(state);
    const cov = useMemo(() => coverage(snapshot), [snapshot]);
    const t = (nl: string, en: string) => (language === 'nl' ? nl : en);
    const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
    const name = (id: string) => nodeName(byId.get(id), language);
    const canEdit = api.map.canEdit;
    const NodeLinks = ({ ids, empty }: { ids: string[]; empty?: string }) =>
      ids.length ? (
        <span className="sh-node-links">
          {ids.map((id) => (
            <button key={id} type="button" className="sh-link" onClick={() => api.canvas.revealNodes([id], { select: true })}>
              {name(id)}
            </button>
          ))}
        </span>
      ) : (
        <span className="sh-missing">{empty ?? t('ontbreekt', 'missing')}</span>
      );

    return (
      <div className="sh-view sh-coverage" data-testid="coverage-view">
        <section aria-labelledby="sh-cov-matrix">
          <h3 id="sh-cov-matrix">{t('Partners: categorie × rol', 'Partners: category × role')}</h3>
          <div className="sh-dots" role="table" aria-labelledby="sh-cov-matrix">
            <span role="columnheader" className="is-head" />
            {PARTNER_ROLES.map((r) => (
              <span role="columnheader" key={r.id} className="is-head" title={`${r.label[language]}: ${r.description[language]}`}>
                {SHORT_ROLE[r.id][language]}
              </span>
            ))}
            {PARTNER_CATEGORIES.map((cat) => {
              const missing = cov.categories.find((c) => c.category.id === cat.id)?.missing;
              return [
                <span role="rowheader" key={cat.id} className={`is-cat ${missing ? 'is-missing' : ''}`} title={cat.label[language]}>
                  {cat.label[language]}
                </span>,
                ...cov.matrix
                  .filter((c) => c.category.id === cat.id)
                  .map((cell) => (
                    <span
                      role="cell"
                      key={`${cat.id}-${cell.role.id}`}
                      className={`is-dot ${cell.nodeIds.length ? 'is-on' : 'is-off'}`}
                      data-category={cat.id}
                      data-role={cell.role.id}
                      title={`${cat.label[language]} · ${cell.role.label[language]}: ${cell.nodeIds.length ? cell.nodeIds.map(name).join(', ') : t('niemand', 'nobody')}`}
                    >
                      {cell.nodeIds.length ? cell.nodeIds.length : '·'}
                    </span>
                  )),
              ];
            })}
          </div>
          <ul className="sh-cat-list">
            {cov.categories
              .filter((c) => !c.missing)
              .map((c) => (
                <li key={c.category.id} data-category={c.category.id}>
                  <strong>{c.category.label[language]}</strong>
                  <dl className="sh-cat-roles">
                    {cov.matrix
                      .filter((cell) => cell.category.id === c.category.id && cell.nodeIds.length)
                      .map((cell) => (
                        <div key={cell.role.id} className="sh-dl-row">
                          <dt>{cell.role.label[language]}</dt>
                          <dd>
                            <NodeLinks ids={cell.nodeIds} />
                          </dd>
                        </div>
                      ))}
                  </dl>
                </li>
              ))}
          </ul>
          {cov.categories.some((c) => c.missing) && (
            <div className="sh-suggestions">
              {cov.categories
                .filter((c) => c.missing)
                .map((c) => (
                  <div key={c.category.id} className="sh-suggestion-group" data-missing-category={c.category.id}>
                    <p>
                      <strong>{c.category.label[language]}</strong> {t('ontbreekt nog. Bijvoorbeeld:', 'is still missing. For example:')}
                    </p>
                    <div className="sh-chips">
                      {c.suggestions.map((s) =>
                        canEdit ? (
                          <button key={s} type="button" className="sh-chip-button" onClick={() => void api.commands.executeCommand(ID.cmd.addSuggestedPartner, { category: c.category.id, label: s })}>
                            + {s}
                          </button>
                        ) : (
                          <span key={s} className="sh-chip">{s}</span>
                        ),
                      )}
                    </div>
                  </div>
                ))}
            </div>
          )}
          {cov.unplacedPartnerIds.length > 0 && (
            <p className="sh-field-help">
              {t('Nog zonder categorie of rol: ', 'Without category or role yet: ')}
              <NodeLinks ids={cov.unplacedPartnerIds} />
            </p>
          )}
        </section>

        <section aria-labelledby="sh-cov-knowledge">
          <h3 id="sh-cov-knowledge">{t('Kennisbronnen aan tafel', 'Knowledge sources at the table')}</h3>
          <ul className="sh-knowledge">
            {cov.knowledgeSources.map((k) => (
              <li key={k.source.id} className={k.present ? 'is-present' : 'is-missing'} data-source={k.source.id}>
                <span aria-hidden>{k.present ? '✓' : '!'}</span> <strong>{k.source.label[language]}</strong>: <NodeLinks ids={k.teamMemberIds} empty={t('niemand in het team', 'nobody in the team')} />
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="sh-cov-communities">
          <h3 id="sh-cov-communities">{t('Per gemeenschap', 'Per community')}</h3>
          {cov.communities.length === 0 && <p className="sh-hint">{t('Nog geen gemeenschappen op de kaart.', 'No communities on the map yet.')}</p>}
          {cov.communities.map((c) => (
            <article key={c.communityId} className="sh-community" data-community={c.communityId}>
              <h4>
                <button type="button" className="sh-link" onClick={() => api.canvas.revealNodes([c.communityId], { select: true })}>
                  {c.label || t('(zonder naam)', '(unnamed)')}
                </button>
              </h4>
              <dl>
                <dt>{t('Sleutelfiguren', 'Key figures')}</dt>
                <dd data-testid="community-key-figures">
                  <NodeLinks ids={c.keyFigureIds} empty={t('geen: nog niet echt bereikt', 'none: not really reached yet')} />
                  {c.keyFigureIds.length === 1 && <span className="sh-warn-note"> {t('(maar één)', '(only one)')}</span>}
                </dd>
                <dt>{t('Vindplaatsen', 'Places')}</dt>
                <dd data-testid="community-places">
                  <NodeLinks ids={c.placeIds} empty={t('geen bekende plek', 'no known place')} />
                </dd>
                {PHASES.map((p) => (
                  <div key={p.id} className="sh-dl-row">
                    <dt>{t(`Aanbod: ${p.label.nl.toLowerCase()}`, `Offers: ${p.label.en.toLowerCase()}`)}</dt>
                    <dd>
                      <NodeLinks ids={c.offersByPhase[p.id]} empty="—" />
                    </dd>
                  </div>
                ))}
              </dl>
            </article>
          ))}
        </section>
      </div>
    );
  };
}
