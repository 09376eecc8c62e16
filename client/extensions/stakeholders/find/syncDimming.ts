import type { IDisposable, MantelkaartApi } from '../../../host/api';
import { ID } from '../ids';
import type { StakeholderState } from '../state';
import { dimOutside, findNodes, isEmptyQuery, neighbourhood } from './findNodes';

/**
 * Keeps the canvas's dimming in step with the Find view's filter and the focus: what matches (and, when focusing,
 * what lies within N relations) stays bright. Recomputed when the map, the filter or the focus changes.
 */
export function syncDimming(api: MantelkaartApi, state: StakeholderState): IDisposable {
  let scheduled = false;
  const update = () => {
    scheduled = false;
    const query = state.findQuery.get();
    const focus = state.focus.get();
    const filtering = !isEmptyQuery(query);
    if (!filtering && !focus) {
      api.canvas.setDecorations(null);
      api.setContext(ID.ctx.dimming, false);
      return;
    }
    const snapshot = state.snapshot();
    let keep: Set<string> | null = filtering ? new Set(findNodes(snapshot, query).map((n) => n.id)) : null;
    if (focus) {
      const around = neighbourhood(snapshot, focus.nodeIds, focus.steps);
      keep = keep ? new Set([...keep].filter((id) => around.has(id))) : around;
    }
    api.canvas.setDecorations(dimOutside(snapshot, keep ?? new Set()));
    api.setContext(ID.ctx.dimming, true);
  };
  // Several sources may change in one tick (a command sets filter and focus): recompute once.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(update);
  };
  const offs = [state.findQuery.subscribe(schedule), state.focus.subscribe(schedule), state.mapVersion.subscribe(schedule)];
  return {
    dispose() {
      offs.forEach((off) => off());
      api.canvas.setDecorations(null);
    },
  };
}
