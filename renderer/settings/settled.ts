import type { IpcResult } from '../../shared/ipc/contract';

/** A line that confirms a change, or says why it was refused. */
export interface StatusLine {
  readonly text: string;
  readonly error: boolean;
}

/**
 * What a request to main came to: the answer goes to `onValue`, and the line says `done` (or what
 * `done` makes of the answer) or why not.
 */
export function settled<T>(
  result: IpcResult<T>,
  done: string | ((value: T) => string),
  onValue?: (value: T) => void,
): StatusLine {
  if (!result.ok) return { text: result.message, error: true };
  onValue?.(result.value);
  return { text: typeof done === 'string' ? done : done(result.value), error: false };
}
