import { describe, expect, it } from 'vitest';
import { createTrayController } from '../../../electron/main/tray';
import { trayIcon, trayIconSize } from '../../../electron/main/tray-icons';
import type { TrayState, TrayView } from '../../../shared/domain/tray-view';
import { FakeImage, FakeTray } from './fake-electron';

function view(overrides: Partial<TrayView> = {}): TrayView {
  return {
    title: '42%',
    level: 3,
    state: 'normal',
    tooltip: 'Pacewatch: Session 42%',
    ...overrides,
  };
}

function controller(platform: NodeJS.Platform) {
  const tray = new FakeTray(null);
  const icons: string[] = [];
  const clicks: unknown[] = [];
  const menus: unknown[] = [];
  const control = createTrayController({
    tray: tray as never,
    platform,
    icon: (state: TrayState, level: number) => {
      icons.push(`${state}:${level}`);
      return `${state}:${level}` as never;
    },
    menus: { buildFromTemplate: (template) => (menus.push(template), { template }) as never },
    menu: [{ label: 'Quit Pacewatch' }],
    onClick: (bounds) => clicks.push(bounds),
  });
  return { tray, icons, clicks, menus, control };
}

describe('the tray item', () => {
  it('macOS: shows the percentage as the title, with the icon for the state and level', () => {
    const { tray, control } = controller('darwin');
    control.update(view());
    expect([tray.title, tray.image, tray.tooltip]).toEqual([
      '42%',
      'normal:3',
      'Pacewatch: Session 42%',
    ]);
    control.update(
      view({
        title: '100%',
        level: 8,
        state: 'locked',
        tooltip: 'Pacewatch: Session limit reached',
      }),
    );
    expect([tray.title, tray.image, tray.tooltip]).toEqual([
      '100%',
      'locked:8',
      'Pacewatch: Session limit reached',
    ]);
  });

  it.each(['linux', 'win32'] as const)(
    '%s: no title (the platform has none), the icon carries level and state',
    (platform) => {
      const { tray, control } = controller(platform);
      control.update(view({ state: 'warning', level: 5 }));
      expect([tray.title, tray.image]).toEqual([null, 'warning:5']);
    },
  );

  it('draws each state and level once, and sets the image only when it changes', () => {
    const { tray, icons, control } = controller('darwin');
    control.update(view());
    control.update(view({ tooltip: 'Pacewatch: later' }));
    control.update(view({ state: 'stale' }));
    control.update(view());
    expect(icons).toEqual(['normal:3', 'stale:3']);
    expect(tray.images).toEqual(['normal:3', 'stale:3', 'normal:3']);
  });

  it('left click toggles the popover with the icon bounds; the menu is attached on Linux, popped up elsewhere', () => {
    const linux = controller('linux');
    expect(linux.tray.menu).toEqual({ template: [{ label: 'Quit Pacewatch' }] });
    const mac = controller('darwin');
    expect(mac.tray.menu).toBeNull();
    mac.tray.emit('right-click');
    expect(mac.tray.popped).toBe(1);
    mac.tray.emit('click', {}, { x: 10, y: 0, width: 22, height: 22 });
    expect(mac.clicks).toEqual([{ x: 10, y: 0, width: 22, height: 22 }]);
  });
});

describe('tray icons', () => {
  it('macOS gets a template image at 1x and 2x; other systems a coloured one at their panel size', () => {
    const created: FakeImage[] = [];
    const images = {
      createEmpty: () => {
        const image = new FakeImage();
        created.push(image);
        return image as never;
      },
    };
    trayIcon(images, 'critical', 6, 'darwin');
    trayIcon(images, 'critical', 6, 'linux');
    const [mac, linux] = created;
    expect(mac?.template).toBe(true);
    expect(mac?.representations.map((r) => [r.scaleFactor, r.width, r.height])).toEqual([
      [1, 16, 16],
      [2, 16, 16],
    ]);
    expect(linux?.template).toBe(false);
    expect(linux?.representations.map((r) => [r.scaleFactor, r.width])).toEqual([
      [1, 22],
      [2, 22],
    ]);
    // A PNG at each scale.
    expect(mac?.representations[1]?.buffer?.subarray(1, 4).toString()).toBe('PNG');
    expect(trayIconSize('win32')).toBe(16);
  });
});
