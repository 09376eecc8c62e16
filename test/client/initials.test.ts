import { describe, expect, it } from 'vitest';
import { initials } from '../../client/collab/presence';

describe('avatar initials', () => {
  it('take letters only, from the first and the last word', () => {
    expect(initials('Fatima (begeleider)')).toBe('FB');
    expect(initials('Samira El Idrissi')).toBe('SI');
    expect(initials('  joost ')).toBe('JO');
    expect(initials('Çiğdem Öztürk')).toBe('ÇÖ');
    expect(initials('(gast) 2')).toBe('GA');
    expect(initials('123 !')).toBe('?');
  });
});
