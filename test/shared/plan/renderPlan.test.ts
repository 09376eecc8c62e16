import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../shared/plan/planDocument';
import { renderPlanDocx } from '../../../shared/plan/renderPlanDocx';
import { renderPlanHtml } from '../../../shared/plan/renderPlanHtml';
import { renderPlanMarkdown } from '../../../shared/plan/renderPlanMarkdown';
import { base64 } from '../../../shared/plan/base64';
import { pngSize } from '../../../shared/plan/pngSize';
import { makePng } from './makePng';
import { paragraphsWithStyle, readDocx, textOf } from './readDocx';

const plan: PlanDocument = {
  lang: 'nl',
  labels: { contents: 'Inhoud', summary: 'Samenvatting' },
  summary: ['Eerste alinea van de samenvatting.', 'Tweede alinea.'],
  todo: [{ section: 'commitments', text: 'Geen school op de kaart (categorie Scholen).' }],
  titlePage: {
    title: 'Projectplan <Maasdonk> & co',
    subtitle: 'Mantelzorgers met een migratieachtergrond',
    date: '15 januari 2027',
    blocks: [{ type: 'facts', items: [['Versie', '1.0'], ['Status', 'concept']] }],
  },
  sections: [
    { id: 'aanleiding', level: 1, heading: 'Aanleiding en doelgroepen', blocks: [{ type: 'paragraph', text: 'Vier gemeenschappen: *Turks*, [Marokkaans] | Surinaams.' }] },
    { id: 'buurt', level: 2, heading: 'Per wijk', blocks: [{ type: 'bullets', items: ['Oost', 'Zuid'] }] },
    {
      id: 'commitments',
      level: 1,
      heading: 'Afspraken over tijd en rol',
      blocks: [
        {
          type: 'table',
          table: {
            header: ['Wie', 'Uur per maand', 'Budget'],
            rows: [['Karim Amrani', '12', '€ 390,00'], ['Hatice Demir', '8', '–']],
            totals: ['Totaal', '20', '€ 390,00'],
            numeric: [false, true, true],
          },
        },
      ],
    },
    {
      id: 'planning',
      level: 1,
      heading: 'Planning',
      landscape: true,
      blocks: [
        {
          type: 'timeline',
          timeline: {
            months: ['jan ’27', 'feb', 'mrt'],
            rows: [{ label: 'Bereiken', active: [true, true, false], marks: [{ index: 1, label: '◆' }] }],
            legend: '◆ mijlpaal',
          },
        },
      ],
    },
    { id: 'bijlage', level: 1, heading: 'Bijlage: de kaart', blocks: [{ type: 'mapImage', caption: 'De kaart', altText: 'Kaart van partijen' }] },
  ],
};

describe('rendering a plan', () => {
  it('writes Markdown with real tables, a totals row, the summary and the timeline, and never the to-do list', () => {
    const md = renderPlanMarkdown(plan, { mapImageHref: 'kaart.png' });
    expect(md).toContain('# Projectplan \\<Maasdonk\\> & co');
    expect(md).toContain('## Aanleiding en doelgroepen');
    expect(md).toContain('### Per wijk');
    expect(md).toContain('| Wie | Uur per maand | Budget |\n| --- | ---: | ---: |\n| Karim Amrani | 12 | € 390,00 |');
    expect(md).toContain('| **Totaal** | **20** | **€ 390,00** |');
    expect(md).not.toContain('Geen school');
    expect(md).toContain('**Versie:** 1.0');
    expect(md).toContain('## Samenvatting\n\nEerste alinea van de samenvatting.\n\nTweede alinea.');
    expect(md).toContain('| Bereiken | ■ | ◆ |   |');
    expect(md).toContain('Vier gemeenschappen: \\*Turks\\*, \\[Marokkaans\\] \\| Surinaams.');
    expect(md).toContain('![Kaart van partijen](kaart.png)');
    expect(renderPlanMarkdown(plan)).not.toContain('![');
  });

  it('writes a print view with a page per chapter and escaped text', () => {
    const html = renderPlanHtml(plan, { mapImagePng: makePng(20, 10) });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Projectplan &lt;Maasdonk&gt; &amp; co');
    expect(html).toContain('@page');
    expect(html).toContain('break-before: page');
    expect(html.match(/<section class="chapter">/g)).toHaveLength(3);
    expect(html.match(/<section class="chapter landscape">/g)).toHaveLength(1);
    expect(html.match(/<\/section>/g)).toHaveLength(5);
    expect(html).toContain('<td class="on"></td><td class="on">◆</td><td></td>');
    expect(html).not.toContain('Geen school');
    expect(html).toContain('<tfoot><tr><td>Totaal</td><td class="num">20</td>');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo');
    expect(html).not.toMatch(/<script|<button/);
  });

  it('writes a Word document with Heading styles, a table of contents, tables and the image', async () => {
    const bytes = await renderPlanDocx(plan, { mapImagePng: makePng(800, 500) });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const { documentXml, stylesXml, files } = readDocx(bytes);
    expect(paragraphsWithStyle(documentXml, 'Heading1')).toEqual(['Aanleiding en doelgroepen', 'Afspraken over tijd en rol', 'Planning', 'Bijlage: de kaart']);
    expect(paragraphsWithStyle(documentXml, 'Heading2')).toEqual(['Per wijk']);
    expect(paragraphsWithStyle(documentXml, 'Title')).toEqual(['Projectplan <Maasdonk> & co']);
    expect(stylesXml).toContain('w:styleId="Heading1"');
    expect(documentXml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(documentXml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    // The facts on the title page, the commitments table and the timeline.
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(documentXml).not.toContain('Geen school');
    expect(documentXml).toContain('Eerste alinea van de samenvatting.');
    // The planning chapter is a landscape section; the title page has its own, empty first-page footer.
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(documentXml).toContain('<w:titlePg/>');
    expect(documentXml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).toContain('Karim Amrani');
    expect(documentXml).toContain('<w:pageBreakBefore/>');
    expect(files.some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    expect(stylesXml).toMatch(/<w:lang w:val="nl-NL"/);
  });

  it('leaves the image out of Word when none is given, with no placeholder text', async () => {
    const { documentXml, files } = readDocx(await renderPlanDocx(plan));
    expect(files.some((f) => f.startsWith('word/media/'))).toBe(false);
    expect(textOf(documentXml)).not.toMatch(/afbeelding|image/i);
  });

  it('encodes base64 and reads PNG sizes', () => {
    expect(base64(new TextEncoder().encode('Mantelkaart!'))).toBe('TWFudGVsa2FhcnQh');
    expect(base64(new TextEncoder().encode('ab'))).toBe('YWI=');
    expect(base64(new TextEncoder().encode('a'))).toBe('YQ==');
    expect(pngSize(makePng(37, 11))).toEqual({ width: 37, height: 11 });
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('column widths for Word', () => {
  it('give each column room for its longest word and the rest to running text', async () => {
    const { columnWeights } = await import('../../../shared/plan/columnWeights');
    const w = columnWeights({ header: ['Rol', 'Taak', 'Uren'], rows: [['Ervaringsdeskundige', 'een lange omschrijving van wat er allemaal gedaan moet worden deze maand', '12']] }, 80);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1);
    expect(w[0] * 80).toBeGreaterThanOrEqual('Ervaringsdeskundige'.length);
    expect(w[1]).toBeGreaterThan(w[0]);
    expect(w[2]).toBeLessThan(w[0]);
  });
});
