import { useState } from 'preact/hooks';
import { formatAgo } from '../../shared/domain/format';
import type { CredentialModel, SettingsModel } from '../../shared/ipc/settings-model';
import type { IpcResult } from '../../shared/ipc/contract';
import { pacewatch } from '../common/bridge';
import { settled, type StatusLine } from './settled';

/**
 * A pasted credential: it goes to main once and the field is emptied; only "stored" and when
 * ever come back, so the page can never show or read the secret again.
 */
export function CredentialRow(props: {
  readonly credential: CredentialModel;
  readonly now: number;
  readonly onSaved: (model: SettingsModel) => void;
}) {
  const { credential } = props;
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<StatusLine | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `credential-${credential.id}`;

  const finish = (result: IpcResult<SettingsModel>, done: string) => {
    setBusy(false);
    setMessage(settled(result, done, props.onSaved));
  };
  const store = (event: Event) => {
    event.preventDefault();
    const pasted = value;
    setValue('');
    if (pasted.trim() === '') return;
    setBusy(true);
    void pacewatch()
      .storeCredential({ id: credential.id, value: pasted })
      .then((result) => {
        finish(result, 'Stored in the system keychain.');
      });
  };
  const clear = () => {
    setBusy(true);
    void pacewatch()
      .clearCredential({ id: credential.id })
      .then((result) => {
        finish(result, 'Removed from the system keychain.');
      });
  };

  return (
    <form class="credential" onSubmit={store} data-credential={credential.id}>
      <label for={inputId}>{credential.label}</label>
      <p class="credential-status" data-testid={`credential-status-${credential.id}`}>
        {credential.stored
          ? `Stored${credential.storedAt === null ? '' : ` · ${formatAgo(credential.storedAt, props.now)}`}`
          : 'Not stored'}
      </p>
      <div class="row">
        <input
          id={inputId}
          type="password"
          autocomplete="off"
          spellcheck={false}
          placeholder={credential.stored ? 'Paste a new one to replace it' : 'Paste it here'}
          value={value}
          onInput={(event) => {
            setValue(event.currentTarget.value);
          }}
          aria-describedby={`${inputId}-hint`}
        />
        <button type="submit" disabled={busy || value === ''}>
          Save
        </button>
        <button type="button" onClick={clear} disabled={busy || !credential.stored}>
          Clear
        </button>
      </div>
      <p class="hint" id={`${inputId}-hint`}>
        {credential.hint}
      </p>
      {message === null ? null : (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
