import { useState } from 'preact/hooks';
import { pacewatch } from '../common/bridge';

/** "Open log file": the app's log (in the data folder) for a bug report; says when it cannot. */
export function LogFileRow() {
  const [problem, setProblem] = useState<string | null>(null);
  const open = () => {
    void pacewatch()
      .openLogFile()
      .then((result) => {
        setProblem(result.ok ? null : result.message);
      });
  };
  return (
    <div class="log-file">
      <button type="button" id="open-log-file" onClick={open}>
        Open log file
      </button>
      <p class="hint">pacewatch.log in the data folder, for bug reports. It holds no secrets.</p>
      <p class="error" role="status" aria-live="polite">
        {problem ?? ''}
      </p>
    </div>
  );
}
