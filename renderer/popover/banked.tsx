import { bankedResetLines } from '../../shared/domain/banked-resets';
import type { BankedModel } from '../../shared/ipc/popover-model';

/**
 * Banked limit resets (docs/PROTOCOLS.md "Banked resets"): how many are left in each grant, what a
 * reset clears, when the grant expires, and advice when one would help now. Nothing without any.
 */
export function BankedResets(props: { readonly banked: BankedModel; readonly now: number }) {
  // Worded against the page's clock: a grant that expires while the popover is open goes away.
  const lines = bankedResetLines(props.banked.resets, props.now);
  if (lines.length === 0) return null;
  return (
    <section class="banked" aria-labelledby="banked-heading">
      <h2 id="banked-heading">
        Banked resets <span class="muted">(spend one with /limit-reset in Claude Code)</span>
      </h2>
      {lines.map((line) => (
        <p class="banked-line" key={line}>
          {line}
        </p>
      ))}
      {props.banked.advice === null ? null : <p class="banked-advice">{props.banked.advice}</p>}
    </section>
  );
}
