/**
 * Where the first JSON syntax error is, as a character offset; undefined when the text is valid.
 * Node's JSON.parse names a position for some errors only ("Unexpected token" has none), and an
 * uploader needs the line either way.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const fail = (): never => {
    throw new SyntaxAt(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const expect = (char: string) => (text[at] === char ? at++ : fail());
  const word = (literal: string) =>
    text.startsWith(literal, at) ? (at += literal.length) : fail();
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = () => {
    expect('"');
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') return at++;
      if (char < ' ') fail();
      at += char === '\\' ? 2 : 1;
    }
    return fail();
  };
  const list = (close: string, item: () => void) => {
    at++;
    space();
    if (text[at] === close) return at++;
    for (;;) {
      item();
      space();
      if (text[at] === close) return at++;
      expect(',');
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      list('}', () => {
        space();
        string();
        space();
        expect(':');
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') word('true');
    else if (char === 'f') word('false');
    else if (char === 'n') word('null');
    else {
      number.lastIndex = at;
      if (!number.test(text)) fail();
      at = number.lastIndex;
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    // Nesting deeper than the stack: no position to give.
    return undefined;
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
