import { formatAgo, formatClock } from '../../../shared/domain/format';
import { Secret } from '../../../shared/domain/secret';
import { createCore, type Core } from '../../core/create-core';
import {
  credentialLabel,
  type CredentialId,
  type CredentialStatus,
} from '../../core/services/credential-service';
import { promptHiddenSecret, readPipedSecret, type SecretInput } from './credentials-prompt';

/** Why a secret is never taken from argv, for the user who tried. */
const NOT_FROM_ARGV =
  'pacewatch never takes a key on the command line: it would stay in your shell history and be visible to other programs. Pipe it in (`pbpaste | pacewatch credentials set web`) or run the command without it and paste at the hidden prompt. If you typed a real key, consider it exposed and make a new one.';

async function withCore(work: (core: Core) => Promise<number>): Promise<number> {
  const created = await createCore();
  if (!created.ok) {
    process.stderr.write(`pacewatch: ${created.message}\n`);
    return 2;
  }
  return work(created.core);
}

/** Turns a source on or off in settings, so the key just stored (or cleared) takes effect. */
async function setEnabled(core: Core, id: CredentialId, enabled: boolean): Promise<void> {
  const settings = core.settings();
  const sources = { ...settings.sources, [id]: { ...settings.sources[id], enabled } };
  await core.saveSettings({ ...settings, sources });
}

function statusLine(status: CredentialStatus, now: number): string {
  const name = `${status.label} (${status.id})`;
  const when =
    status.storedAt === null
      ? ''
      : ` ${formatClock(status.storedAt, now)} (${formatAgo(status.storedAt, now)})`;
  if (status.problem !== undefined) {
    // The keychain could not be asked: "not stored" would be a guess, and the fix is elsewhere.
    const recorded = status.stored ? `Pacewatch recorded it as stored${when}, but ` : '';
    return `${name}: ${recorded}the system keychain cannot be read, so Pacewatch cannot tell whether it is stored. ${status.problem}`;
  }
  if (!status.stored)
    return `${name}: not stored. Add it with \`pacewatch credentials set ${status.id}\`.`;
  return `${name}: stored${when}`;
}

/** `pacewatch credentials status`: whether each key is stored and since when; never a value. */
export function runCredentialsStatus(options: { json: boolean }): Promise<number> {
  return withCore(async (core) => {
    const statuses = await core.credentials.status();
    const now = core.clock.now();
    if (options.json) {
      const json = statuses.map((status) => ({
        ...status,
        storedAt: status.storedAt === null ? null : new Date(status.storedAt).toISOString(),
      }));
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      process.stdout.write(`${statuses.map((status) => statusLine(status, now)).join('\n')}\n`);
    }
    return 0;
  });
}

async function readSecret(id: CredentialId): Promise<SecretInput> {
  if (!process.stdin.isTTY) {
    const text = await readPipedSecret();
    if (text.trim().length > 0) return { ok: true, text };
    return {
      ok: false,
      message: `No key on stdin. Pipe it in (\`pbpaste | pacewatch credentials set ${id}\`), or run the command in a terminal to paste it at a hidden prompt.`,
    };
  }
  return promptHiddenSecret(
    `Paste your ${credentialLabel(id)} (it will not be shown), then press Enter: `,
  );
}

/** `pacewatch credentials set web|admin`: stores the key from stdin or a hidden prompt. */
export async function runCredentialsSet(
  id: CredentialId,
  options: { extraArguments: number },
): Promise<number> {
  if (options.extraArguments > 0) {
    process.stderr.write(`pacewatch: ${NOT_FROM_ARGV}\n`);
    return 2;
  }
  return withCore(async (core) => {
    const input = await readSecret(id);
    if (!input.ok) {
      process.stderr.write(`pacewatch: ${input.message}\n`);
      return 1;
    }
    const stored = await core.credentials.store(id, new Secret(input.text));
    if (!stored.ok) {
      process.stderr.write(`pacewatch: ${stored.message}\n`);
      return 1;
    }
    await setEnabled(core, id, true);
    process.stdout.write(
      `Stored the ${credentialLabel(id)} in the system keychain, and turned the ${id} source on. Run \`pacewatch status --source ${id}\` to check it.\n`,
    );
    return 0;
  });
}

/** `pacewatch credentials clear web|admin`: removes the key and turns its source off. */
export function runCredentialsClear(id: CredentialId): Promise<number> {
  return withCore(async (core) => {
    const cleared = await core.credentials.clear(id);
    if (!cleared.ok) {
      process.stderr.write(`pacewatch: ${cleared.message}\n`);
      return 1;
    }
    await setEnabled(core, id, false);
    process.stdout.write(
      `Removed the ${credentialLabel(id)} from the system keychain, and turned the ${id} source off.\n`,
    );
    return 0;
  });
}
