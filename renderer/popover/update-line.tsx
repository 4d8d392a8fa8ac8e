import { pacewatch } from '../common/bridge';

/**
 * "Restart to update": shown once a new version is downloaded. Only this click restarts the app;
 * otherwise the update waits for the next quit.
 */
export function UpdateLine(props: { readonly version: string }) {
  return (
    <p class="update-line" role="status">
      <button
        type="button"
        onClick={() => {
          void pacewatch().restartToUpdate();
        }}
      >
        Restart to update
      </button>{' '}
      <span class="hint">Pacewatch {props.version} is ready.</span>
    </p>
  );
}
