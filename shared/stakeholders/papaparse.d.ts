/**
 * The slice of Papa Parse that csvImport uses, typed here because @types/papaparse pulls in Node's types
 * (`/// <reference types="node" />`), which would let Node APIs slip into shared/ unnoticed.
 */
declare module 'papaparse/papaparse.js' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }
  export interface ParseConfig {
    delimiter?: string;
    skipEmptyLines?: boolean | 'greedy';
  }
  const Papa: { parse<T>(input: string, config?: ParseConfig): ParseResult<T> };
  export default Papa;
}
