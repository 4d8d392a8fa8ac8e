import stringWidth from 'string-width';

/** How many columns a string takes on screen (wide characters count 2; escape codes 0). */
export function widthOf(text: string): number {
  return stringWidth(text);
}

/** Cuts plain text to `width` columns, ending in "…" when anything was cut. */
export function truncate(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  let kept = '';
  for (const char of text) {
    if (widthOf(`${kept}${char}`) > width - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

/** Pads plain or painted text on the right to `width` columns. */
export function padEnd(text: string, width: number): string {
  return `${text}${' '.repeat(Math.max(0, width - widthOf(text)))}`;
}

/** Pads plain or painted text on the left to `width` columns. */
export function padStart(text: string, width: number): string {
  return `${' '.repeat(Math.max(0, width - widthOf(text)))}${text}`;
}

/**
 * Wraps plain text at spaces to lines of at most `width` columns; continuation lines start with
 * `indent`. A word longer than a line is left whole (a path or a command is not broken).
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  // The first line keeps its own leading spaces (a list item's, an evidence line's).
  const lead = /^ */.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = '';
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    const prefix = lines.length === 0 ? lead : indent;
    if (line !== '' && widthOf(prefix + candidate) > width) {
      lines.push(prefix + line.trimEnd());
      line = word;
    } else line = candidate;
  }
  lines.push((lines.length === 0 ? lead : indent) + line);
  return lines;
}
