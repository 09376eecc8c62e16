export { exportMapJson, stringifyMapFile, type MapFile, type ExportMapJsonOptions } from './exportMapJson';
export { parseMapFile, type ParseMapFileResult } from './parseMapFile';
export { importSnapshotIntoDoc, type ImportResult, type ImportTargets } from './importSnapshotIntoDoc';
export { importMapFile, type ImportMapFileResult } from './importMapFile';
export { privateFieldsOf, type PrivateFieldsByNode } from './privateFieldsOf';
export { MAP_FILE_LIMITS } from './mapFileLimits';
export { MAP_FILE_FORMAT } from './mapFileSchema';
export type { MapFileError, MapFileWarning, MapFileErrorCode, MapFileWarningCode } from './mapFileProblem';
