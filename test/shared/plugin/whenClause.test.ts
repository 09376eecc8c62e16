import { describe, expect, it } from 'vitest';
import { evaluateWhen, matchesWhen, parseWhen, whenKeys, type WhenContext } from '../../../shared/plugin/whenClause';

const editor: WhenContext = { canEdit: true, readOnly: false, selectionCount: 2, nodeKind: 'community', activeView: 'problems' };
const viewer: WhenContext = { canEdit: false, readOnly: true, selectionCount: 0 };

describe('when clauses', () => {
  it('a key alone is true when its value is truthy', () => {
    expect(matchesWhen('canEdit', editor)).toBe(true);
    expect(matchesWhen('canEdit', viewer)).toBe(false);
    expect(matchesWhen('unknownKey', editor)).toBe(false);
  });

  it('an absent or empty clause always holds', () => {
    expect(matchesWhen(undefined, viewer)).toBe(true);
    expect(matchesWhen('', viewer)).toBe(true);
  });

  it('supports !, && and || with && binding tighter', () => {
    expect(matchesWhen('!readOnly && selectionCount', editor)).toBe(true);
    expect(matchesWhen('readOnly || canEdit && selectionCount', viewer)).toBe(true);
    expect(matchesWhen('!readOnly && selectionCount', viewer)).toBe(false);
    expect(matchesWhen('!!canEdit', editor)).toBe(true);
  });

  it('parentheses group', () => {
    expect(matchesWhen('(readOnly || canEdit) && selectionCount > 1', editor)).toBe(true);
    expect(matchesWhen('readOnly || (canEdit && selectionCount > 5)', editor)).toBe(false);
  });

  it('== and != compare with bare words, quoted strings, numbers and booleans', () => {
    expect(matchesWhen('nodeKind == community', editor)).toBe(true);
    expect(matchesWhen("nodeKind == 'community'", editor)).toBe(true);
    expect(matchesWhen('nodeKind != "place"', editor)).toBe(true);
    expect(matchesWhen('selectionCount == 2', editor)).toBe(true);
    expect(matchesWhen('readOnly == true', viewer)).toBe(true);
    expect(matchesWhen('nodeKind == community', viewer)).toBe(false);
    expect(matchesWhen('nodeKind != community', viewer)).toBe(true);
  });

  it('ordering compares numbers and is false for missing keys', () => {
    expect(matchesWhen('selectionCount >= 2', editor)).toBe(true);
    expect(matchesWhen('selectionCount < 2', editor)).toBe(false);
    expect(matchesWhen('missing < 2', editor)).toBe(false);
  });

  it('keys may contain dots, dashes and colons', () => {
    expect(matchesWhen('view.problems.visible', { 'view.problems.visible': true })).toBe(true);
    expect(matchesWhen('ext:test-1 == on', { 'ext:test-1': 'on' })).toBe(true);
  });

  it('reports syntax errors with a code and offset, and malformed clauses never hold', () => {
    for (const bad of ['canEdit &&', '(canEdit', 'canEdit == ', '&& x', 'a b', "x == 'open", 'a # b']) {
      const r = parseWhen(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('when/syntax');
        expect(r.error.offset).toBeGreaterThanOrEqual(0);
      }
      expect(matchesWhen(bad, editor)).toBe(false);
    }
  });

  it('lists the keys a clause reads', () => {
    const r = parseWhen('!readOnly && (selectionCount > 0 || nodeKind == a) && !readOnly');
    expect(r.ok && whenKeys(r.expr).sort()).toEqual(['nodeKind', 'readOnly', 'selectionCount']);
  });

  it('evaluates parsed trees directly', () => {
    const r = parseWhen('true && !false');
    expect(r.ok && evaluateWhen(r.expr, {})).toBe(true);
  });
});
