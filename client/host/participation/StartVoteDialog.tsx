import { useMemo, useState } from 'react';
import { readNodes } from '../../../shared/model/mapDoc';
import type { LocalizedText } from '../../../shared/model/fields';
import type { HostServices } from '../HostServices';
import { Modal } from '../ui/Dialog';

export interface StartVoteOptions {
  /** Start with every card of this kind picked (the stakeholder workspace's "vote on the offers"). */
  kind?: string;
  question?: string;
}

const LIMITS = [0, 2, 5, 10] as const;

/**
 * Starting a dot vote: on the selected cards or every card of a kind, with a question, dots per person, whether
 * several may go on one card, counts live or hidden until revealed, and an optional time limit.
 */
export function StartVoteDialog({ services, options, close }: { services: HostServices; options: StartVoteOptions; close: (started?: boolean) => void }) {
  const t = (text: LocalizedText) => services.localize(text);
  const nodes = useMemo(() => readNodes(services.session.doc), [services]);
  const selection = services.session.selection.get().filter((id) => nodes.some((n) => n.id === id));
  const kinds = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    return services.nodeKinds
      .all()
      .filter((k) => (counts.get(k.id) ?? 0) >= 2 && k.declaration.layer !== 'background')
      .map((k) => ({ id: k.id, title: t(k.declaration.title), count: counts.get(k.id) ?? 0 }));
  }, [nodes, services]); // eslint-disable-line react-hooks/exhaustive-deps
  const [source, setSource] = useState<string>(options.kind ?? (selection.length >= 2 ? '' : (kinds[0]?.id ?? '')));
  const [question, setQuestion] = useState(options.question ?? '');
  const [dots, setDots] = useState(3);
  const [stack, setStack] = useState(false);
  const [live, setLive] = useState(false);
  const [minutes, setMinutes] = useState<(typeof LIMITS)[number]>(0);
  const [busy, setBusy] = useState(false);
  const cards = source === '' ? selection : nodes.filter((n) => n.kind === source).map((n) => n.id);
  const ok = question.trim().length > 0 && cards.length >= 2 && cards.length <= 100;
  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    const started = await services.participation.startVote({ question: question.trim(), cards, dots, stack, live, ...(minutes ? { seconds: minutes * 60 } : {}) });
    setBusy(false);
    if (started) close(true);
  };
  return (
    <Modal
      title={t({ nl: 'Stemming starten', en: 'Start a vote' })}
      labelId="mk-start-vote"
      testId="start-vote"
      onDismiss={() => close()}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={() => close()}>
            {t({ nl: 'Annuleren', en: 'Cancel' })}
          </button>
          <button type="submit" className="button primary" disabled={!ok || busy}>
            {t({ nl: `Starten (${cards.length} kaarten)`, en: `Start (${cards.length} cards)` })}
          </button>
        </>
      }
    >
      <div className="mk-export-body mk-form">
        <label className="mk-form-row">
          <span>{t({ nl: 'Vraag', en: 'Question' })}</span>
          <input autoFocus value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} placeholder={t({ nl: 'Welke ondersteuning pakken we als eerste op?', en: 'Which support do we take up first?' })} />
        </label>
        <label className="mk-form-row">
          <span>{t({ nl: 'Stemmen over', en: 'Vote on' })}</span>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            {selection.length >= 2 && <option value="">{t({ nl: `De selectie (${selection.length} kaarten)`, en: `The selection (${selection.length} cards)` })}</option>}
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {t({ nl: `Elke kaart van soort ${k.title} (${k.count})`, en: `Every ${k.title} card (${k.count})` })}
              </option>
            ))}
          </select>
        </label>
        {cards.length < 2 && <p className="mk-form-hint">{t({ nl: 'Selecteer minstens twee kaarten, of kies een soort.', en: 'Select at least two cards, or pick a kind.' })}</p>}
        <div className="mk-form-grid">
          <label className="mk-form-row">
            <span>{t({ nl: 'Stippen per persoon', en: 'Dots per person' })}</span>
            <input type="number" min={1} max={20} value={dots} onChange={(e) => setDots(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
          </label>
          <label className="mk-form-row">
            <span>{t({ nl: 'Tijdslimiet', en: 'Time limit' })}</span>
            <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value) as (typeof LIMITS)[number])}>
              {LIMITS.map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? t({ nl: 'Geen', en: 'None' }) : t({ nl: `${m} minuten`, en: `${m} minutes` })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="mk-form-check">
          <input type="checkbox" checked={stack} onChange={(e) => setStack(e.target.checked)} />
          {t({ nl: 'Meer stippen op één kaart toestaan', en: 'Allow several dots on one card' })}
        </label>
        <label className="mk-form-check">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          {t({ nl: 'Tussenstand voor iedereen zichtbaar (anders pas als jij de uitslag toont)', en: 'Counts visible to everyone while voting (otherwise only once you reveal them)' })}
        </label>
      </div>
    </Modal>
  );
}
