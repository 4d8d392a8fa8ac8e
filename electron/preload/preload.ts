// The sandboxed preload: exposes exactly the IPC contract as `window.pacewatch`, one function per
// message. The renderer never sees `ipcRenderer` or an event object (electron/fiddle's pattern).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  INVOKE_NAMES,
  eventChannel,
  invokeChannel,
  type EventContract,
  type EventName,
  type PacewatchApi,
} from '../../shared/ipc/contract';

const invokers = Object.fromEntries(
  INVOKE_NAMES.map((name) => [
    name,
    (...args: unknown[]): Promise<unknown> => ipcRenderer.invoke(invokeChannel(name), ...args),
  ]),
) as unknown as Omit<PacewatchApi, 'on'>;

const api: PacewatchApi = {
  ...invokers,
  on<E extends EventName>(event: E, listener: (payload: EventContract[E]) => void) {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) return () => undefined;
    const channel = eventChannel(event);
    const strip = (_event: IpcRendererEvent, payload: EventContract[E]) => {
      listener(payload);
    };
    ipcRenderer.on(channel, strip);
    return () => {
      ipcRenderer.removeListener(channel, strip);
    };
  },
};

contextBridge.exposeInMainWorld('pacewatch', api);
