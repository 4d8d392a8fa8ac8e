import { render } from 'preact';
import type { PopoverModel } from '../../shared/ipc/popover-model';
import { pacewatch } from '../common/bridge';
import { PopoverApp, SNAPSHOT_PAINTED } from './popover-app';

/** How long the first render waits for the snapshot before showing the card skeleton instead. */
const SNAPSHOT_WAIT_MS = 30;

// Ask for the snapshot before anything renders: over IPC it arrives within a millisecond or two,
// so the first frame already shows the figures. If it is slower (dev:browser, a busy main), the
// skeleton shows first and the figures replace it without moving it.
performance.mark('pacewatch:script-start');
const root = document.getElementById('root');
if (root !== null) {
  const first = pacewatch().getPopover();
  const timeout = new Promise<null>((resolve) => {
    setTimeout(() => {
      resolve(null);
    }, SNAPSHOT_WAIT_MS);
  });
  void Promise.race<PopoverModel | null>([first, timeout]).then((initial) => {
    render(<PopoverApp initial={initial} first={first} />, root);
    // The frame that paints what was just rendered starts with this callback (for the benchmark).
    if (initial !== null) requestAnimationFrame(() => performance.mark(SNAPSHOT_PAINTED));
  });
}
