import type { LocalizedText } from '../model/fields';

/** Stable codes for everything the map-file gate refuses or repairs; logs and tests match on these. */
export type MapFileErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'NOT_TEXT'
  | 'NOT_JSON'
  | 'TOO_DEEP'
  | 'STRING_TOO_LONG'
  | 'ARRAY_TOO_LONG'
  | 'TOO_MANY_KEYS'
  | 'FORBIDDEN_KEY'
  | 'DUPLICATE_KEY'
  | 'NOT_A_MAP_FILE'
  | 'BAD_VERSION'
  | 'NEWER_VERSION'
  | 'MISSING_FIELD'
  | 'WRONG_TYPE'
  | 'INVALID_VALUE'
  | 'TOO_MANY'
  | 'DUPLICATE_ID'
  | 'TARGET_NOT_EMPTY';

export type MapFileWarningCode = 'EDGE_DANGLING_DROPPED' | 'PRIVATE_ORPHAN_DROPPED';

export interface MapFileError {
  code: MapFileErrorCode;
  /** Where in the file: `map.nodes[3].x`; empty for the file as a whole. */
  path: string;
  /** 1-based line in the JSON text, when the place could be found. */
  line?: number;
  message: LocalizedText;
}

export interface MapFileWarning {
  code: MapFileWarningCode;
  path: string;
  line?: number;
  message: LocalizedText;
}

export function mapFileError(code: MapFileErrorCode, path: string, message: LocalizedText, line?: number): MapFileError {
  return line === undefined ? { code, path, message } : { code, path, line, message };
}
