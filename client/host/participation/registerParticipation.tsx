import type { ExtensionContext, MantelkaartApi } from '../api';
import type { HostServices } from '../HostServices';
import { showDialog } from '../ui/Dialog';
import { lazy } from 'react';
import type { StartVoteOptions } from './StartVoteDialog';
import { SuggestDialog } from './SuggestDialog';
import { VotesView } from './VotesView';

// Editors' tools load when an editor first uses them: a view link on a phone never fetches them.
const SuggestionsView = lazy(() => import('./SuggestionsView').then((m) => ({ default: m.SuggestionsView })));

function startVoteArg(arg: unknown): StartVoteOptions {
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  return { ...(typeof o.kind === 'string' ? { kind: o.kind } : {}), ...(typeof o.question === 'string' ? { question: o.question } : {}) };
}

/** The core's votes, suggestions, timer and "Iedereen hierheen": commands, views and the suggestions badge. */
export function registerParticipation(services: HostServices, api: MantelkaartApi, context: ExtensionContext): void {
  const p = services.participation;
  const t = api.localize;
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(api.commands.registerCommand(id, fn));

  register('core.startVote', async (arg) => {
    const { StartVoteDialog } = await import('./StartVoteDialog');
    return showDialog<boolean>((close) => <StartVoteDialog services={services} options={startVoteArg(arg)} close={close} />);
  });
  register('core.showVotes', () => api.window.openView('core.votes'));
  register('core.showSuggestions', () => api.window.openView('core.suggestions'));
  register('core.suggest', () =>
    showDialog<boolean>((close) => <SuggestDialog services={services} close={close} />).then((sent) => sent && api.window.showMessage({ nl: 'Verstuurd. De begeleider ziet je voorstel.', en: 'Sent. The facilitator sees your suggestion.' })),
  );
  register('core.startTimer', async () => {
    const items = [5, 10, 15].map((m) => ({ label: t({ nl: `${m} minuten`, en: `${m} minutes` }), minutes: m }));
    const picked = await api.window.showQuickPick([...items, { label: t({ nl: 'Andere tijd…', en: 'Other time…' }), minutes: 0 }], { placeholder: t({ nl: 'Hoe lang?', en: 'How long?' }) });
    if (!picked) return;
    let minutes = picked.minutes;
    if (minutes === 0) {
      const typed = await api.window.showInputBox({ prompt: t({ nl: 'Aantal minuten (1 tot 240)', en: 'Minutes (1 to 240)' }), value: '20' });
      minutes = Number((typed ?? '').replace(',', '.'));
      if (!Number.isFinite(minutes) || minutes < 1 || minutes > 240) {
        if (typed !== undefined) api.window.showMessage({ nl: 'Geef een aantal minuten tussen 1 en 240.', en: 'Give a number of minutes between 1 and 240.' }, 'warning');
        return;
      }
    }
    await p.timer({ action: 'start', seconds: Math.round(minutes * 60) });
  });
  register('core.summon', () => {
    if (!services.session.summon) return;
    services.session.summon();
    api.window.showMessage({ nl: 'Iedereen die meekijkt volgt nu jouw beeld. Wie de kaart aanraakt, stopt met volgen.', en: 'Everyone watching now follows your view. Touching the map stops following.' });
  });

  context.subscriptions.push(api.window.registerViewProvider('core.votes', VotesView), api.window.registerViewProvider('core.suggestions', SuggestionsView));

  // Waiting suggestions as a count on the inbox's icon.
  const badge = () => services.viewBadges.set('core.suggestions', p.get().waiting.length);
  badge();
  context.subscriptions.push(p.onDidChange(badge));
  // The server takes suggestions only of the kinds this map's extensions offer.
  const offer = () => p.offerKinds(services.suggestions.all().map((s) => s.declaration.kind));
  context.subscriptions.push(services.suggestions.onDidChange(offer));
  offer();
}
