const TITLE_FALLBACK = { nl: 'Geïmporteerde kaart', en: 'Imported map' };

/** The title a new map is created with from a file's title, as the API accepts it: 1–200 characters, no control characters. */
export function importedTitle(title: string, language: 'nl' | 'en'): string {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200).trim();
  return clean || TITLE_FALLBACK[language];
}
