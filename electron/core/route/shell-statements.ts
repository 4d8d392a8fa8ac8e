import type { RouteVariable } from '../../../shared/domain/route/route-facts';
import { isRouteVariable } from './route-env';
import { shellCommands } from './shell-words';
import type { ShellWord } from './shell-words';

/** What a startup-file line does that the route check cares about. */
export type ShellStatement =
  | {
      readonly kind: 'assign';
      readonly name: RouteVariable;
      readonly value: string;
      readonly dynamic: boolean;
      readonly exported: boolean;
    }
  /** `export NAME` with no value: exports an earlier assignment. */
  | { readonly kind: 'export-names'; readonly names: readonly RouteVariable[] }
  | { readonly kind: 'unset'; readonly names: readonly RouteVariable[] }
  | { readonly kind: 'source'; readonly path: string; readonly dynamic: boolean };

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/s;

function assignment(word: ShellWord, exported: boolean): ShellStatement | null {
  const match = ASSIGNMENT.exec(word.text);
  const name = match?.[1] ?? '';
  if (match === null || !isRouteVariable(name)) return null;
  return {
    kind: 'assign',
    name,
    value: word.text.slice(match[0].length),
    dynamic: word.dynamic,
    exported,
  };
}

/** `export A=1 B`, `declare -x A=1`, `typeset -gx A=1`. */
function exportStatements(words: readonly ShellWord[]): ShellStatement[] {
  const [command, ...rest] = words;
  const options = rest.filter((word) => word.text.startsWith('-')).map((word) => word.text);
  if (command?.text !== 'export' && !options.some((option) => /^-[a-z]*x/.test(option))) return [];
  const operands = rest.filter((word) => !word.text.startsWith('-'));
  const assigned = operands.flatMap((word) => assignment(word, true) ?? []);
  const names = operands
    .map((word) => word.text)
    .filter((text): text is RouteVariable => isRouteVariable(text));
  return names.length > 0 ? [...assigned, { kind: 'export-names', names }] : assigned;
}

/** fish: `set -gx NAME value…`, `set --export NAME value`, `set -e NAME`. */
function fishSet(words: readonly ShellWord[]): ShellStatement[] {
  const rest = words.slice(1);
  const options = rest.filter((word) => word.text.startsWith('-')).map((word) => word.text);
  const operands = rest.filter((word) => !word.text.startsWith('-'));
  const has = (short: string, long: string): boolean =>
    options.some(
      (option) => option === long || (/^-[a-zA-Z]+$/.test(option) && option.includes(short)),
    );
  const name = operands[0]?.text ?? '';
  if (!isRouteVariable(name) || has('q', '--query')) return [];
  if (has('e', '--erase')) return [{ kind: 'unset', names: [name] }];
  const values = operands.slice(1);
  return [
    {
      kind: 'assign',
      name,
      value: values.map((word) => word.text).join(' '),
      dynamic: values.some((word) => word.dynamic),
      exported: has('x', '--export'),
    },
  ];
}

function statementsOf(words: readonly ShellWord[], fish: boolean): ShellStatement[] {
  const command = words[0]?.text ?? '';
  if (command === 'export' || command === 'declare' || command === 'typeset') {
    return exportStatements(words);
  }
  if (command === 'unset') {
    const names = words.map((word) => word.text).filter((text) => isRouteVariable(text));
    return names.length > 0 ? [{ kind: 'unset', names }] : [];
  }
  if (command === 'set' && fish) return fishSet(words);
  if ((command === 'source' || command === '.') && words[1] !== undefined) {
    return [{ kind: 'source', path: words[1].text, dynamic: words[1].dynamic }];
  }
  // `NAME=value` alone sets a shell variable; `NAME=value cmd` only affects `cmd`.
  const first = words[0];
  if (words.length === 1 && first !== undefined && !fish) {
    const assigned = assignment(first, false);
    return assigned === null ? [] : [assigned];
  }
  return [];
}

/** The statements on one line of a shell startup file (POSIX shells, or fish when `fish`). */
export function parseShellLine(line: string, fish: boolean): ShellStatement[] {
  return shellCommands(line).flatMap((words) => statementsOf(words, fish));
}
