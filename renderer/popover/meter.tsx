import type { ComponentChildren } from 'preact';

/**
 * A 0–100 % bar that screen readers read as a meter, with a tick at each alert threshold;
 * `children` draw over the fill.
 */
export function Meter(props: {
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly thresholds?: readonly number[];
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
      {(props.thresholds ?? [])
        .filter((at) => at > 0 && at < 100)
        .map((at) => (
          <div key={at} class="bar-tick" style={{ left: `${at}%` }} />
        ))}
      {props.children}
    </div>
  );
}
