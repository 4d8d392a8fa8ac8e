import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  installStatusLineAt,
  pacewatchCommand,
  shellWord,
} from '../../../../../electron/core/sources/statusline/install';
import { useTempDir } from '../../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-install-core-');
const COMMAND = '/opt/pacewatch statusline';
const NOW = Date.UTC(2026, 10, 21, 9);
const BACKUP = 'settings.json.pacewatch-backup-2026-11-21T09-00-00-000Z';
const OURS = { type: 'command', command: COMMAND, padding: 0 };

/** A settings file (or none) in a fresh folder, and how the install was asked to replace. */
function world(text: string | null, answer = false) {
  const dir = join(tempDir(), 'claude');
  mkdirSync(dir);
  const path = join(dir, 'settings.json');
  if (text !== null) writeFileSync(path, text);
  const asked: string[] = [];
  const install = () =>
    installStatusLineAt(path, COMMAND, {
      replace: (current) => {
        asked.push(current);
        return Promise.resolve(answer);
      },
      now: () => NOW,
    });
  return { dir, path, asked, install };
}

describe('installStatusLineAt', () => {
  it('leaves a settings file that is not a JSON object as it is', async () => {
    const broken = world('{ "theme": ');
    expect(await broken.install()).toEqual({ kind: 'invalid', reason: 'it is not valid JSON' });
    expect(readFileSync(broken.path, 'utf8')).toBe('{ "theme": ');
    const list = world('[1]');
    expect(await list.install()).toEqual({
      kind: 'invalid',
      reason: 'it does not hold a JSON object',
    });
    expect(readdirSync(list.dir)).toEqual(['settings.json']);
  });

  it('writes a new file, with no backup, when there is none', async () => {
    const none = world(null);
    const settings = { statusLine: OURS };
    expect(await none.install()).toEqual({
      kind: 'written',
      replaced: null,
      settings,
      backup: null,
    });
    expect(JSON.parse(readFileSync(none.path, 'utf8'))).toEqual(settings);
    expect(readdirSync(none.dir)).toEqual(['settings.json']);
  });

  it('adds to a file without a status line, keeping its keys and a backup', async () => {
    const plain = world('{"theme":"dark"}');
    const settings = { theme: 'dark', statusLine: OURS };
    expect(await plain.install()).toEqual({
      kind: 'written',
      replaced: null,
      settings,
      backup: join(plain.dir, BACKUP),
    });
    expect(plain.asked).toEqual([]);
    expect(readFileSync(join(plain.dir, BACKUP), 'utf8')).toBe('{"theme":"dark"}');
    expect(JSON.parse(readFileSync(plain.path, 'utf8'))).toEqual(settings);
  });

  it('changes nothing when the status line is already ours', async () => {
    const text = JSON.stringify({ statusLine: OURS });
    const ours = world(text);
    expect(await ours.install()).toEqual({ kind: 'same' });
    expect(ours.asked).toEqual([]);
    expect(readdirSync(ours.dir)).toEqual(['settings.json']);
    expect(readFileSync(ours.path, 'utf8')).toBe(text);
  });

  it('keeps another command unless replacing it is confirmed', async () => {
    const text = '{"statusLine":{"type":"command","command":"ccline"}}';
    const declined = world(text, false);
    expect(await declined.install()).toEqual({ kind: 'kept', current: 'ccline' });
    expect(declined.asked).toEqual(['ccline']);
    expect(readdirSync(declined.dir)).toEqual(['settings.json']);
    expect(readFileSync(declined.path, 'utf8')).toBe(text);
  });

  it('replaces another command when confirmed, after a backup', async () => {
    const text = '{"statusLine":{"type":"command","command":"ccline"}}';
    const accepted = world(text, true);
    expect(await accepted.install()).toEqual({
      kind: 'written',
      replaced: 'ccline',
      settings: { statusLine: OURS },
      backup: join(accepted.dir, BACKUP),
    });
    expect(accepted.asked).toEqual(['ccline']);
    expect(readdirSync(accepted.dir)).toEqual(['settings.json', BACKUP]);
    expect(readFileSync(join(accepted.dir, BACKUP), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(accepted.path, 'utf8'))).toEqual({ statusLine: OURS });
  });
});

describe('pacewatchCommand', () => {
  it('runs the given script by this Node, quoted for the shell', () => {
    expect(pacewatchCommand('/opt/my tools/pacewatch.cjs')).toBe(
      `${shellWord(process.execPath)} '/opt/my tools/pacewatch.cjs' statusline`,
    );
  });
});
