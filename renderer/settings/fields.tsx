import { useEffect, useState } from 'preact/hooks';
import type { Parsed } from './parse';

/**
 * A text field that saves when it loses focus or Enter is pressed, if what was typed parses;
 * otherwise it says why and keeps the text so it can be fixed.
 */
export function CommitField<T>(props: {
  readonly id: string;
  readonly label: string;
  readonly value: T;
  readonly format: (value: T) => string;
  readonly parse: (text: string) => Parsed<T>;
  readonly onCommit: (value: T) => void;
  readonly hint?: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
}) {
  const shown = props.format(props.value);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
  }, [shown]);
  const commit = () => {
    if (text === shown) {
      setProblem(null);
      return;
    }
    const parsed = props.parse(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    props.onCommit(parsed.value);
  };
  const describedBy = [
    props.hint === undefined ? null : `${props.id}-hint`,
    problem === null ? null : `${props.id}-problem`,
  ]
    .filter((id) => id !== null)
    .join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode={props.inputMode ?? 'text'}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onInput={(event) => {
          setText(event.currentTarget.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {props.hint === undefined ? null : (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {problem === null ? null : (
        <p class="error" id={`${props.id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label and an optional explanation. */
export function Toggle(props: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  readonly description?: string;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <div class="toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled ?? false}
        aria-describedby={props.description === undefined ? undefined : `${props.id}-description`}
        onChange={(event) => {
          props.onChange(event.currentTarget.checked);
        }}
      />
      <label for={props.id}>{props.label}</label>
      {props.description === undefined ? null : (
        <p class="hint" id={`${props.id}-description`}>
          {props.description}
        </p>
      )}
    </div>
  );
}
