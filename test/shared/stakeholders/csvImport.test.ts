import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRowsToNodes, previewCsvImport } from '../../../shared/stakeholders/csvImport';

// Copies of ../shared/examples/*.csv (the examples handed to the project), so the tests run from the checkout alone.
const example = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('importing partners from CSV', () => {
  it('accepts every row of partners.csv, with phone and e-mail flagged private', () => {
    const p = previewCsvImport(example('partners.csv'), 'partner');
    expect(p.fileError).toBeNull();
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.label)).toEqual([
      'Huisartsenpraktijk Oost', 'Stichting Anatolia', 'Thuiszorg Zorgzaam', 'Alzheimer Nederland, afdeling Maasdonk',
      'Wmo-loket Gemeente Maasdonk', 'Moskee Al Houda', 'Bibliotheek Maasdonk',
    ]);
    const huisarts = Object.fromEntries(p.rows[0].fields.map((f) => [f.key, [f.value, f.private]]));
    expect(huisarts).toEqual({
      category: ['zorgaanbiedersAlgemeen', false], role: ['verwijzer', false], contactPerson: ['praktijkondersteuner', false],
      phone: ['0412-555010', true], email: ['poh@huisartsoost.example', true],
    });
    expect(p.rows[6].fields.map((f) => f.key)).toEqual(['category']);
  });

  it('gives exactly one clear error per bad row of partners-with-errors.csv and accepts the good ones', () => {
    const p = previewCsvImport(example('partners-with-errors.csv'), 'partner');
    expect(p.rows.map((r) => r.label)).toEqual(['Huisartsenpraktijk Oost', 'Buurthuis "De Kruisakker"']);
    expect(p.errors.map((e) => e.row)).toEqual([2, 3, 4, 6]);
    const [noName, role, category, extra] = p.errors.map((e) => e.message.nl);
    expect(noName).toBe('Rij 2: naam ontbreekt; elke rij heeft een naam nodig.');
    expect(role).toBe('Rij 3: rol ‘samenwerker’ is onbekend; bedoelt u ‘Samenwerkingspartner’?');
    expect(category).toContain('Rij 4: categorie ‘Religieus’ is onbekend; bedoelt u ‘Religieuze huizen’?');
    expect(category).toContain('E-mail ‘geen-email’ is geen e-mailadres');
    expect(p.errors[2].problems.map((x) => x.column)).toEqual(['categorie', 'e-mail']);
    expect(extra).toContain('Rij 6: deze rij heeft 7 kolommen, maar de kopregel heeft er 6');
    expect(extra).toContain('extra kolom');
  });

  it('reads a comma-separated file with a BOM, tolerant headers and quoted fields with doubled quotes', () => {
    const csv = '\uFEFFNaam,Categorie,Rol,Contact persoon,Telefoonnummer,E-mailadres,Opmerking\r\n"Buurthuis ""Het Anker""",welzijn,KENNISPARTNER,beheerder,+31 6 1234 5678,anker@example.nl,koffie\r\n';
    const p = previewCsvImport(csv, 'partner');
    expect(p.delimiter).toBe(',');
    expect(p.columns.find((c) => c.header === 'Opmerking')?.field).toBeNull();
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].label).toBe('Buurthuis "Het Anker"');
    expect(p.rows[0].fields.map((f) => [f.key, f.value])).toEqual([
      ['category', 'welzijn'], ['role', 'kennispartner'], ['contactPerson', 'beheerder'], ['phone', '+31 6 1234 5678'], ['email', 'anker@example.nl'],
    ]);
  });

  it('honours Excel’s sep= line and skips blank rows without renumbering', () => {
    const p = previewCsvImport('sep=;\nnaam;categorie\nA;Welzijn\n;\nB;Scholen\n', 'partner');
    expect(p.rows.map((r) => [r.row, r.label])).toEqual([[1, 'A'], [3, 'B']]);
  });

  it('refuses a file without a name column, saying which headers to use', () => {
    const p = previewCsvImport('organisatietype;telefoon\nx;y\n', 'teamMember');
    expect(p.fileError?.nl).toMatch(/^De kolom ‘naam’ ontbreekt.*naam;/);
    expect(p.rows).toEqual([]);
  });

  it('refuses a file that was not saved as UTF-8', () => {
    expect(previewCsvImport('naam;categorie\nBibliotheek \uFFFDlmere;Welzijn\n', 'partner').fileError?.nl).toContain('CSV UTF-8');
  });
});

describe('importing people from CSV', () => {
  it('reads team members with their knowledge sources, and key figures with Dutch numbers', () => {
    const team = previewCsvImport('naam;organisatie;soort organisatie;kennisbron\nFatma;;mantelzorger;ervaring\nLotte;Hogeschool;kennisinstelling;wetenschappelijk, praktijk\n', 'teamMember');
    expect(team.errors).toEqual([]);
    expect(team.rows[1].fields.find((f) => f.key === 'knowledgeSources')?.value).toEqual(['wetenschappelijk', 'praktijk']);
    const figures = previewCsvImport('naam;talen;vrijwilliger of betaald;uurtarief;capaciteit\nKarim;Tarifit, Arabisch;betaald;€ 32,50;16\nHatice;Turks;vrijwillig;;acht\n', 'keyFigure');
    expect(figures.rows[0].fields.map((f) => [f.key, f.value])).toEqual([['languages', ['Tarifit', 'Arabisch']], ['engagement', 'betaald'], ['hourlyRate', 32.5], ['capacityHoursPerMonth', 16]]);
    expect(figures.errors.map((e) => e.message.nl)).toEqual([
      'Rij 2: vrijwillig of betaald ‘vrijwillig’ is onbekend; bedoelt u ‘Vrijwilliger’? Capaciteit ‘acht’ is geen getal; schrijf bijvoorbeeld 8 of 32,50.',
    ]);
  });

  it('turns accepted rows into nodes, keeping phone and e-mail out of the shared map', () => {
    const p = previewCsvImport(example('partners.csv'), 'partner');
    const nodes = csvRowsToNodes(p.rows, 'partner', { x: 100, y: 200 });
    expect(nodes).toHaveLength(7);
    expect(nodes[0].node).toMatchObject({ kind: 'partner', label: 'Huisartsenpraktijk Oost', x: 100, y: 200, data: { category: 'zorgaanbiedersAlgemeen', role: 'verwijzer', contactPerson: 'praktijkondersteuner' } });
    expect(nodes[0].node.data).not.toHaveProperty('phone');
    expect(nodes[0].privateFields).toEqual({ phone: '0412-555010', email: 'poh@huisartsoost.example' });
    expect(new Set(nodes.map((n) => n.node.id)).size).toBe(7);
  });
});
