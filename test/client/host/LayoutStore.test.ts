import { describe, expect, it } from 'vitest';
import { LayoutStore, restoreLayout, SIDE_BAR_WIDTH } from '../../../client/host/services/LayoutStore';

describe('the workbench layout', () => {
  it('a stored layout that is missing or malformed falls back to defaults', () => {
    expect(restoreLayout(null).sideBarVisible).toBe(false);
    expect(restoreLayout({ sideBarWidth: 'wide', panelVisible: 'yes', activeView: 42 })).toMatchObject({
      sideBarWidth: SIDE_BAR_WIDTH.initial,
      panelVisible: false,
      activeView: null,
    });
  });

  it('sizes are clamped and the layout is remembered across stores (per browser)', () => {
    const a = new LayoutStore();
    a.update({ sideBarWidth: 5000, activeView: 'x.view', panelVisible: true });
    const b = new LayoutStore();
    expect(b.get()).toMatchObject({ sideBarWidth: SIDE_BAR_WIDTH.max, activeView: 'x.view', panelVisible: true });
  });
});
