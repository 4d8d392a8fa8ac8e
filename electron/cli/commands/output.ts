/** Prints notices (endpoint overrides, rebuilt state files) to stderr, one line each. */
export function printProblems(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`pacewatch: ${line}\n`);
}
