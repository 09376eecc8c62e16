import { describe, expect, it } from 'vitest';
import { imageFrame } from '../../../client/host/services/captureMap';
import { fileDate, safeBase } from '../../../shared/exchange/fileNames';
import { importedTitle } from '../../../client/export/importedTitle';

describe('export helpers', () => {
  it('frames a map at its natural size with a margin, so text stays readable on a projector', () => {
    const f = imageFrame({ x: -200, y: 100, width: 1000, height: 500 });
    expect(f.viewport.zoom).toBe(1);
    expect(f.width).toBe(1000 + 96);
    expect(f.height).toBe(500 + 96);
    // The map's top-left corner lands on the margin.
    expect(f.viewport.x + -200 * f.viewport.zoom).toBeCloseTo(48);
    expect(f.viewport.y + 100 * f.viewport.zoom).toBeCloseTo(48);
  });

  it('scales a very large map down so the picture stays within what a browser can draw', () => {
    const f = imageFrame({ x: 0, y: 0, width: 40_000, height: 2_000 });
    expect(f.width).toBeLessThanOrEqual(4096);
    expect(f.viewport.zoom).toBeLessThan(0.11);
    expect(f.viewport.zoom).toBeGreaterThanOrEqual(0.1);
  });

  it('names files by the map title and today, without characters file systems refuse', () => {
    expect(safeBase('Oost/West: "mantelzorg"?')).toBe('Oost-West- -mantelzorg-');
    expect(safeBase('   ')).toBe('mantelkaart');
    expect(fileDate(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });

  it('gives an imported map a title the server accepts', () => {
    expect(importedTitle('  Mantelzorg\u0000Oost\n ', 'nl')).toBe('Mantelzorg Oost');
    expect(importedTitle('', 'nl')).toBe('Geïmporteerde kaart');
    expect(importedTitle('\n\t', 'en')).toBe('Imported map');
    expect(importedTitle('x'.repeat(300), 'nl')).toHaveLength(200);
  });
});
