/** How reading a secret ended: the text, or a sentence saying why there is none. */
export type SecretInput = { ok: true; text: string } | { ok: false; message: string };

const STDIN_LIMIT_BYTES = 64 * 1024;
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u0008', '\u007f']);
// Terminals wrap a paste in these when bracketed paste is on; they are not part of the key.
const PASTE_MARKERS = ['\u001b[200~', '\u001b[201~'];

/** Reads a piped secret to its end (bounded: a key is short). */
export function readPipedSecret(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= STDIN_LIMIT_BYTES) chunks.push(chunk);
    });
    stdin.once('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    stdin.once('error', reject);
  });
}

/**
 * Asks for a secret on the terminal without echoing it: raw mode, so nothing typed or pasted is
 * shown or kept in the terminal's scrollback. Enter ends; Ctrl-C cancels.
 */
export function promptHiddenSecret(
  question: string,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<SecretInput> {
  stderr.write(question);
  return new Promise((resolve) => {
    let text = '';
    const finish = (result: SecretInput) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      const typed = PASTE_MARKERS.reduce(
        (rest, marker) => rest.replaceAll(marker, ''),
        chunk.toString('utf8'),
      );
      for (const char of typed) {
        if (char === CTRL_C) {
          finish({ ok: false, message: 'Cancelled; nothing was stored.' });
          return;
        }
        if (char === '\r' || char === '\n' || char === CTRL_D) {
          finish({ ok: true, text });
          return;
        }
        if (BACKSPACES.has(char)) text = text.slice(0, -1);
        else if (char >= ' ') text += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
