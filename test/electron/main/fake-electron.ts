// A typed fake of the `electron` module for main-process tests (the binary cannot run here).
// Each fake implements the parts of Electron's own types that main uses, so a signature change
// in main or in Electron's typings breaks these tests at compile time.
import type * as Electron from 'electron';

type GlobalRequest = globalThis.Request;
type GlobalResponse = globalThis.Response;

type Listener = (...args: never[]) => unknown;

/** A minimal event emitter that records listeners and can fire them. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  /** Fires `event` with `args`; returns what each listener returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) =>
      (listener as (...a: unknown[]) => unknown)(...args),
    );
  }
}

let nextId = 1;

/** A page's webContents: what it was sent, and its hardening hooks. */
export class FakeWebContents
  extends Emitter
  implements Pick<Electron.WebContents, 'id' | 'send' | 'isDestroyed' | 'isDevToolsOpened'>
{
  readonly id = nextId++;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
  devTools = false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, args[0]]);
  }
  isDestroyed(): boolean {
    return false;
  }
  isDevToolsOpened(): boolean {
    return this.devTools;
  }
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
}

/** A window that records its options, URL, position and visibility. */
export class FakeBrowserWindow
  extends Emitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'loadURL'
      | 'show'
      | 'hide'
      | 'focus'
      | 'isVisible'
      | 'getBounds'
      | 'setPosition'
      | 'setBounds'
      | 'isDestroyed'
    >
{
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  url: string | null = null;
  visible = false;
  position: [number, number] = [0, 0];
  size: [number, number];
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.size = [options.width ?? 0, options.height ?? 0];
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    /* focus is implied by show in these tests */
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return false;
  }
  getBounds(): Electron.Rectangle {
    return {
      x: this.position[0],
      y: this.position[1],
      width: this.size[0],
      height: this.size[1],
    };
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.position = [bounds.x ?? this.position[0], bounds.y ?? this.position[1]];
    this.size = [bounds.width ?? this.size[0], bounds.height ?? this.size[1]];
  }
}

/** An image that records its representations and template flag. */
export class FakeImage implements Pick<
  Electron.NativeImage,
  'addRepresentation' | 'setTemplateImage' | 'isTemplateImage'
> {
  readonly representations: Electron.AddRepresentationOptions[] = [];
  template = false;
  addRepresentation(options: Electron.AddRepresentationOptions): void {
    this.representations.push(options);
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

/** The tray item: its image, tooltip, title and menu. */
export class FakeTray
  extends Emitter
  implements Pick<Electron.Tray, 'setToolTip' | 'setContextMenu' | 'popUpContextMenu'>
{
  static created: FakeTray[] = [];
  image: unknown;
  images: unknown[] = [];
  tooltip = '';
  title: string | null = null;
  menu: unknown = null;
  popped = 0;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
    this.images.push(image);
  }
  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: Electron.Menu | null): void {
    this.menu = menu;
  }
  popUpContextMenu(): void {
    this.popped++;
  }
}

/** A desktop notification: its options, whether it was shown; click() acts as the user would. */
export class FakeNotification extends Emitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  click(): void {
    this.emit('click', {});
  }
}

/** ipcMain: the handlers main registered, callable as a renderer would. */
export class FakeIpcMain implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<
    string,
    (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown
  >();
  handle(
    channel: string,
    listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, ...args)` from `sender` would get. */
  async invoke(
    channel: string,
    sender: { sender: { id: number }; senderFrame: { url: string; parent: unknown } | null },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return await handler(sender as unknown as Electron.IpcMainInvokeEvent, ...args);
  }
}

/** protocol: the registered schemes and the handler serving them. */
export class FakeProtocol implements Pick<
  Electron.Protocol,
  'registerSchemesAsPrivileged' | 'handle'
> {
  readonly privileged: Electron.CustomScheme[] = [];
  readonly handlers = new Map<
    string,
    (request: GlobalRequest) => Promise<GlobalResponse> | GlobalResponse
  >();
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    this.privileged.push(...schemes);
  }
  handle(
    scheme: string,
    handler: (request: GlobalRequest) => Promise<GlobalResponse> | GlobalResponse,
  ): void {
    this.handlers.set(scheme, handler);
  }
}

type PermissionRequest = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheck = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type BeforeRequest = (
  details: Electron.OnBeforeRequestListenerDetails,
  callback: (response: Electron.CallbackResponse) => void,
) => void;

/** The default session: its permission handlers and request filter. */
export class FakeSession implements Pick<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> {
  permissionRequest: PermissionRequest = null;
  permissionCheck: PermissionCheck = null;
  beforeRequest: BeforeRequest | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheck): void {
    this.permissionCheck = handler;
  }
}

/** The whole module, as `vi.mock('electron', () => fake.module)` returns it. */
export function fakeElectron() {
  const app = Object.assign(new Emitter(), {
    paths: new Map<string, string>(),
    singleInstance: true,
    quitCalls: 0,
    dockHidden: false,
    loginItem: null as Electron.Settings | null,
    ready: Promise.resolve(),
    isPackaged: false,
    setPath(name: string, path: string) {
      app.paths.set(name, path);
    },
    appUserModelId: null as string | null,
    setAppUserModelId(id: string) {
      app.appUserModelId = id;
    },
    requestSingleInstanceLock: () => app.singleInstance,
    quit() {
      app.quitCalls++;
    },
    dock: { hide: () => (app.dockHidden = true) },
    whenReady: () => app.ready,
    getAppPath: () => '/app',
    setLoginItemSettings(settings: Electron.Settings) {
      app.loginItem = settings;
    },
  });
  const protocol = new FakeProtocol();
  const defaultSession = new FakeSession();
  const workArea = { x: 0, y: 25, width: 1440, height: 875 };
  const screen = {
    getDisplayMatching: () => ({ workArea }) as Electron.Display,
    getDisplayNearestPoint: () => ({ workArea }) as Electron.Display,
    getCursorScreenPoint: () => ({ x: 1400, y: 10 }),
  } satisfies Pick<
    Electron.Screen,
    'getDisplayMatching' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'
  >;
  const module = {
    app,
    protocol,
    session: { defaultSession },
    screen,
    ipcMain: new FakeIpcMain(),
    powerMonitor: new Emitter(),
    /** A light panel, as Windows 11 and GNOME ship. */
    nativeTheme: Object.assign(new Emitter(), { shouldUseDarkColors: false }),
    nativeImage: { createEmpty: () => new FakeImage() },
    Menu: {
      buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => ({ template }),
      /** What setApplicationMenu was last given; undefined until it is called. */
      applicationMenu: undefined as
        { template: Electron.MenuItemConstructorOptions[] } | null | undefined,
      setApplicationMenu(menu: { template: Electron.MenuItemConstructorOptions[] } | null) {
        module.Menu.applicationMenu = menu;
      },
    },
    dialog: {
      errors: [] as string[],
      showErrorBox: (title: string, content: string) =>
        void module.dialog.errors.push(`${title}: ${content}`),
    },
    clipboard: {
      text: '',
      writeText: (text: string) => {
        module.clipboard.text = text;
        return Promise.resolve();
      },
    },
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    shell: {
      opened: [] as string[],
      shown: [] as string[],
      openPath(path: string): Promise<string> {
        module.shell.opened.push(path);
        return Promise.resolve('');
      },
      showItemInFolder(path: string): void {
        module.shell.shown.push(path);
      },
    },
    /** Electron's network stack: records each URL, then fetches it with Node's fetch. */
    net: {
      fetched: [] as string[],
      fetch(input: string, init?: RequestInit): Promise<GlobalResponse> {
        module.net.fetched.push(input);
        return fetch(input, init);
      },
    },
    /** Records each fork; the child ends at once with code 1 (the caller then reads in-process). */
    utilityProcess: {
      forks: [] as { modulePath: string; args: string[] | undefined }[],
      fork(modulePath: string, args?: string[]) {
        module.utilityProcess.forks.push({ modulePath, args });
        const child = Object.assign(new Emitter(), { kill: () => true });
        setImmediate(() => child.emit('exit', 1));
        return child;
      },
    },
  };
  return module;
}

/** The fake module's type, for tests that reach into it. */
export type FakeElectron = ReturnType<typeof fakeElectron>;
