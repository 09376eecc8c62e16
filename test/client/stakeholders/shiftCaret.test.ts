import { describe, expect, it } from 'vitest';
import { shiftCaret } from '../../../client/extensions/stakeholders/plan/PlanTextArea';

describe('the caret in a plan text when a colleague types', () => {
  it('stays put when they type after it', () => {
    expect(shiftCaret('Wij bereiken.', 'Wij bereiken hen.', 3)).toBe(3);
  });
  it('moves along when they type before it', () => {
    expect(shiftCaret('Wij bereiken.', 'Samen: Wij bereiken.', 12)).toBe(19);
  });
  it('moves back when they delete before it', () => {
    expect(shiftCaret('Samen: Wij bereiken.', 'Wij bereiken.', 19)).toBe(12);
  });
  it('lands after their text when they replace the stretch it was in', () => {
    // 'bereik' became 'steun' (the shared 'en' after it is kept): the caret goes to just after 'steun'.
    expect(shiftCaret('Wij bereiken mantelzorgers.', 'Wij steunen mantelzorgers.', 7)).toBe(9);
  });
});
