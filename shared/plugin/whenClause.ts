/**
 * `when` clauses decide whether a command, menu entry or keybinding applies right now, from context keys the host
 * keeps up to date (`readOnly`, `canEdit`, `selectionCount`, `nodeKind`, `activeView`, `panelVisible`, …).
 *
 * Grammar (as in VS Code):  expr := or;  or := and ('||' and)*;  and := unary ('&&' unary)*;
 * unary := '!' unary | primary;  primary := '(' expr ')' | key [op value];  op := == != < <= > >=;
 * value := 'quoted string' | "quoted string" | number | true | false | bareword (a bare word is a string).
 * A key alone is true when its value is truthy. Pure: no DOM, no globals.
 */

export type ContextValue = string | number | boolean | null | undefined;
/** The values `when` clauses are evaluated against. */
export type WhenContext = Readonly<Record<string, ContextValue>>;

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type WhenExpr =
  | { type: 'key'; key: string }
  | { type: 'literal'; value: boolean }
  | { type: 'not'; expr: WhenExpr }
  | { type: 'and'; exprs: WhenExpr[] }
  | { type: 'or'; exprs: WhenExpr[] }
  | { type: 'compare'; key: string; op: CompareOp; value: string | number | boolean };

export interface WhenError {
  /** Stable code for logs and manifest errors. */
  code: 'when/syntax';
  message: string;
  /** Character offset where parsing failed. */
  offset: number;
}

export type WhenParseResult = { ok: true; expr: WhenExpr } | { ok: false; error: WhenError };

type Token =
  | { t: 'op'; v: '&&' | '||' | '!' | '(' | ')' | CompareOp; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: number; at: number };

class WhenSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '==' || two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
      continue;
    }
    if (c === '!' || c === '(' || c === ')' || c === '<' || c === '>') {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new WhenSyntaxError('unterminated string', i);
      out.push({ t: 'string', v: src.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'number', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][\w.:\-/$]*/.exec(src.slice(i));
    if (word) {
      out.push({ t: 'word', v: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new WhenSyntaxError(`unexpected character '${c}'`, i);
  }
  return out;
}

const COMPARE_OPS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parse(): WhenExpr {
    const expr = this.or();
    const extra = this.tokens[this.pos];
    if (extra) throw new WhenSyntaxError('unexpected input after expression', extra.at);
    return expr;
  }

  private peekOp(v: string): boolean {
    const tok = this.tokens[this.pos];
    return tok !== undefined && tok.t === 'op' && tok.v === v;
  }

  private or(): WhenExpr {
    const exprs = [this.and()];
    while (this.peekOp('||')) {
      this.pos++;
      exprs.push(this.and());
    }
    return exprs.length === 1 ? exprs[0] : { type: 'or', exprs };
  }

  private and(): WhenExpr {
    const exprs = [this.unary()];
    while (this.peekOp('&&')) {
      this.pos++;
      exprs.push(this.unary());
    }
    return exprs.length === 1 ? exprs[0] : { type: 'and', exprs };
  }

  private unary(): WhenExpr {
    if (this.peekOp('!')) {
      this.pos++;
      return { type: 'not', expr: this.unary() };
    }
    return this.primary();
  }

  private primary(): WhenExpr {
    const tok = this.tokens[this.pos];
    if (!tok) throw new WhenSyntaxError('expression expected', this.length);
    if (tok.t === 'op' && tok.v === '(') {
      this.pos++;
      const inner = this.or();
      if (!this.peekOp(')')) throw new WhenSyntaxError("')' expected", this.tokens[this.pos]?.at ?? this.length);
      this.pos++;
      return inner;
    }
    if (tok.t !== 'word') throw new WhenSyntaxError('context key expected', tok.at);
    this.pos++;
    if (tok.v === 'true' || tok.v === 'false') return { type: 'literal', value: tok.v === 'true' };
    const next = this.tokens[this.pos];
    if (next && next.t === 'op' && COMPARE_OPS.has(next.v)) {
      this.pos++;
      const valueTok = this.tokens[this.pos];
      if (!valueTok || valueTok.t === 'op') throw new WhenSyntaxError('value expected', valueTok?.at ?? this.length);
      this.pos++;
      const value =
        valueTok.t === 'word' && (valueTok.v === 'true' || valueTok.v === 'false') ? valueTok.v === 'true' : valueTok.v;
      return { type: 'compare', key: tok.v, op: next.v as CompareOp, value };
    }
    return { type: 'key', key: tok.v };
  }
}

/** Parses a `when` clause; an empty clause is always true. */
export function parseWhen(src: string): WhenParseResult {
  if (src.trim() === '') return { ok: true, expr: { type: 'literal', value: true } };
  try {
    return { ok: true, expr: new Parser(tokenize(src), src.length).parse() };
  } catch (err) {
    if (err instanceof WhenSyntaxError) {
      return { ok: false, error: { code: 'when/syntax', message: `${err.message} at ${err.offset} in "${src}"`, offset: err.offset } };
    }
    throw err;
  }
}

function compare(actual: ContextValue, op: CompareOp, expected: string | number | boolean): boolean {
  if (op === '==' || op === '!=') {
    // Context values and literals compare by their text, so `selectionCount == 1` and `readOnly == true` both work.
    const equal = actual !== undefined && actual !== null && String(actual) === String(expected);
    return op === '==' ? equal : !equal;
  }
  const a = typeof actual === 'number' ? actual : Number(actual);
  const b = typeof expected === 'number' ? expected : Number(expected);
  if (actual === undefined || actual === null || Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

/** Evaluates a parsed clause against context values; unknown keys are undefined (falsy). */
export function evaluateWhen(expr: WhenExpr, context: WhenContext): boolean {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'key':
      return Boolean(context[expr.key]);
    case 'not':
      return !evaluateWhen(expr.expr, context);
    case 'and':
      return expr.exprs.every((e) => evaluateWhen(e, context));
    case 'or':
      return expr.exprs.some((e) => evaluateWhen(e, context));
    case 'compare':
      return compare(context[expr.key], expr.op, expr.value);
  }
}

const cache = new Map<string, WhenExpr | null>();

/** Whether a clause holds; absent clauses hold, malformed ones never do (the manifest gate reports them). */
export function matchesWhen(src: string | undefined, context: WhenContext): boolean {
  if (src === undefined) return true;
  let expr = cache.get(src);
  if (expr === undefined) {
    const parsed = parseWhen(src);
    expr = parsed.ok ? parsed.expr : null;
    if (cache.size > 500) cache.clear();
    cache.set(src, expr);
  }
  return expr !== null && evaluateWhen(expr, context);
}

/** The context keys a clause reads (lets the host re-evaluate only when one of them changes). */
export function whenKeys(expr: WhenExpr): string[] {
  switch (expr.type) {
    case 'literal':
      return [];
    case 'key':
    case 'compare':
      return [expr.key];
    case 'not':
      return whenKeys(expr.expr);
    case 'and':
    case 'or':
      return [...new Set(expr.exprs.flatMap(whenKeys))];
  }
}
