/** A step into a JSON value: an object key or an array index. */
export type JsonPathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const MAX_SEGMENT = 60;

/** Formats a path the way people read it: `map.nodes[3].data["wijk naam"]`; very long keys are shortened with an ellipsis. */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let out = '';
  for (const raw of segments) {
    const s = typeof raw === 'string' && raw.length > MAX_SEGMENT ? `${raw.slice(0, MAX_SEGMENT)}…` : raw;
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
