import { useEffect, useState } from 'preact/hooks';
import type { Parsed } from './parse';
import type { StatusLine } from './settled';

/**
 * What main said about the last change made with this field ("Saved.", or why it was refused),
 * shown under the field and read out.
 */
export function FieldStatus(props: { readonly id: string; readonly status: StatusLine | null }) {
  return (
    <p
      class={`field-status${props.status?.error ? ' error' : ''}`}
      id={`${props.id}-status`}
      role="status"
      aria-live="polite"
    >
      {props.status?.text ?? ''}
    </p>
  );
}

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
  readonly placeholder?: string;
  /** What main said about the last change made here. */
  readonly status?: StatusLine | null;
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
    props.status === undefined || props.status === null ? null : `${props.id}-status`,
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
        placeholder={props.placeholder}
        aria-invalid={problem !== null || props.status?.error === true}
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
      {props.status === undefined ? null : <FieldStatus id={props.id} status={props.status} />}
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
  /** What main said about the last change made here. */
  readonly status?: StatusLine | null;
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
      {props.status === undefined ? null : <FieldStatus id={props.id} status={props.status} />}
    </div>
  );
}

/** A labelled drop-down of fixed choices that saves when changed. */
export function Choice<T extends string>(props: {
  readonly id: string;
  readonly label: string;
  readonly value: T;
  readonly options: readonly (readonly [T, string])[];
  readonly onChange: (value: T) => void;
  readonly status: StatusLine | null;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => {
          const chosen = props.options.find(([value]) => value === event.currentTarget.value);
          if (chosen !== undefined) props.onChange(chosen[0]);
        }}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldStatus id={props.id} status={props.status} />
    </div>
  );
}
