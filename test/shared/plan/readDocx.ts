import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx the tests look at: the body XML, the styles, and the names of the files in the package. */
export function readDocx(bytes: Uint8Array): { documentXml: string; stylesXml: string; files: string[] } {
  const files = unzipSync(bytes);
  return {
    documentXml: strFromU8(files['word/document.xml']),
    stylesXml: strFromU8(files['word/styles.xml']),
    files: Object.keys(files),
  };
}

/** The text of the paragraphs with a given style (w:pStyle), in order. */
export function paragraphsWithStyle(documentXml: string, styleId: string): string[] {
  const out: string[] = [];
  for (const m of documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    if (!m[1].includes(`<w:pStyle w:val="${styleId}"/>`)) continue;
    out.push(decodeXml([...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
  }
  return out;
}

/** All the text of a document part, entities decoded: for "does this phone number appear anywhere" checks. */
export function textOf(xml: string): string {
  return decodeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' '));
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);
}
