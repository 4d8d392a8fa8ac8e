import { useState } from 'preact/hooks';
import { pacewatch } from '../common/bridge';
import { FieldStatus } from './fields';
import { settled, type StatusLine } from './settled';

/** "Open log file": the app's log (in the data folder) for a bug report; says when it cannot. */
export function LogFileRow() {
  const [status, setStatus] = useState<StatusLine | null>(null);
  const open = () => {
    void pacewatch()
      .openLogFile()
      .then((result) => {
        setStatus(settled(result, ''));
      });
  };
  return (
    <div class="log-file">
      <button type="button" id="open-log-file" onClick={open}>
        Open log file
      </button>
      <p class="hint">pacewatch.log in the data folder, for bug reports. It holds no secrets.</p>
      <FieldStatus id="open-log-file" status={status} />
    </div>
  );
}
