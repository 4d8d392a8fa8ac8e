import type { ComponentChildren } from 'preact';

/** A 0–100 % bar that screen readers read as a meter; `children` draw over the fill. */
export function Meter(props: {
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly children?: ComponentChildren;
}) {
  const filled = Math.min(100, Math.max(0, props.value));
  return (
    <div
      class="bar"
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(filled)}
      aria-valuetext={props.valueText}
    >
      <div class="bar-fill" style={{ width: `${filled}%` }} />
      {props.children}
    </div>
  );
}
