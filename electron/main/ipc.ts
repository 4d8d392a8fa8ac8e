import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { AppEvent } from '../app/app-session';
import { dispatchInvoke, type InvokeHandlers } from '../app/dispatch';
import type { Logger } from '../core/ports';
import { INVOKE_NAMES, eventChannel, invokeChannel } from '../../shared/ipc/contract';
import { isAppUrl } from './harden';

/** The parts of an invoke event the sender check reads. */
type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * A message is trusted only from one of the app's own windows, from its top frame, showing a page
 * on the app's protocol (microsoft/vscode's validatedIpcMain does the same).
 */
function isTrustedSender(event: SenderEvent, trusted: () => readonly WebContents[]): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (!trusted().some((contents) => contents.id === event.sender.id)) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

/**
 * One ipcMain handler per request of the contract: the sender is checked, then the payload, then
 * the handler runs. A refusal rejects the invoke with a short reason that never quotes the payload.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: InvokeHandlers,
  trusted: () => readonly WebContents[],
  logger: Logger,
): () => void {
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(invokeChannel(name), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, trusted)) {
        logger.warn(`Refused ${name}: the sender is not a Pacewatch page.`);
        throw new Error('Refused: not a Pacewatch page.');
      }
      const dispatched = await dispatchInvoke(handlers, name, args);
      if (!dispatched.ok) {
        logger.warn(`Refused ${name}: ${dispatched.reason}`);
        throw new Error(`Refused: ${dispatched.reason}`);
      }
      return dispatched.result;
    });
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}

/** Pushes a page event to every live page. */
export function sendToPages(pages: readonly WebContents[], event: AppEvent): void {
  if (event.name === 'tray') return;
  for (const contents of pages) {
    if (!contents.isDestroyed()) contents.send(eventChannel(event.name), event.payload);
  }
}
