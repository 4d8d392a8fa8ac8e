/** One shell word with its quotes removed; `dynamic` when it expands something (`$X`, `$(…)`, backticks). */
export interface ShellWord {
  readonly text: string;
  readonly dynamic: boolean;
}

const WORD_END = /[\s;&|)]/;

/** The index just past the bracket that closes the one at `open`, or the end of the text. */
function closing(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === left) depth += 1;
    else if (text[i] === right) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function doubleQuoted(text: string, from: number): { body: string; next: number } {
  let body = '';
  let i = from + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length) {
      body += text.charAt(i + 1);
      i += 2;
    } else {
      body += text.charAt(i);
      i += 1;
    }
  }
  return { body, next: i + 1 };
}

/** Reads one word starting at `from` (not at a separator); returns it and where it ended. */
function readWord(text: string, from: number): { word: ShellWord; next: number } {
  let value = '';
  let dynamic = false;
  let i = from;
  while (i < text.length && !WORD_END.test(text.charAt(i))) {
    const ch = text.charAt(i);
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      value += text.slice(i + 1, stop);
      i = stop + 1;
    } else if (ch === '"') {
      const { body, next } = doubleQuoted(text, i);
      dynamic ||= /[$`]/.test(body);
      value += body;
      i = next;
    } else if (ch === '\\') {
      value += text.charAt(i + 1);
      i += 2;
    } else if (ch === '$' || ch === '`' || ch === '(') {
      // `$(…)`, `${…}`, backticks, fish's `(…)`: computed when the shell runs.
      dynamic = true;
      const next = text.charAt(i + 1);
      let end = i + 1;
      if (ch === '`') end = text.indexOf('`', i + 1) + 1 || text.length;
      else if (ch === '(') end = closing(text, i, '(', ')');
      else if (next === '(') end = closing(text, i + 1, '(', ')');
      else if (next === '{') end = closing(text, i + 1, '{', '}');
      value += text.slice(i, end);
      i = end;
    } else {
      value += ch;
      i += 1;
    }
  }
  return { word: { text: value, dynamic }, next: i };
}

const KEYWORDS = new Set(['then', 'do', 'else', '{', '!', 'if', 'elif', 'while', 'until']);

/**
 * Splits a shell line into commands (at `;`, `&&`, `||`, `|`, `&`) and each command into words,
 * honouring quotes and backslashes, up to a comment. Leading keywords (`if`, `then`, `do`, `{`)
 * are dropped so `if …; then export X=1; fi` yields `export X=1`. Enough for startup files'
 * `export NAME="value"`, `[ -f f ] && . f` and fish's `set -gx NAME value`.
 */
export function shellCommands(line: string): ShellWord[][] {
  const commands: ShellWord[][] = [];
  let words: ShellWord[] = [];
  let i = 0;
  const flush = (): void => {
    while (words.length > 0 && KEYWORDS.has(words[0]?.text ?? '')) words = words.slice(1);
    if (words.length > 0) commands.push(words);
    words = [];
  };
  while (i < line.length) {
    const ch = line.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (/[;&|)]/.test(ch)) {
      flush();
      i += 1;
    } else if (ch === '#') {
      break;
    } else {
      const { word, next } = readWord(line, i);
      words.push(word);
      i = next;
    }
  }
  flush();
  return commands;
}
