import type { BannerModel } from '../../shared/ipc/popover-model';
import { bannerTimes } from './card-text';

/** The states that need words, each with what to do and, where useful, a button for it. */
export function Banners(props: {
  readonly banners: readonly BannerModel[];
  readonly now: number;
  readonly onAction: (action: 'settings' | 'refresh') => void;
}) {
  return (
    <div class="banners" role="status" aria-live="polite">
      {props.banners.map((banner) => {
        const times = bannerTimes(banner, props.now);
        return (
          <div
            class={`banner banner-${banner.kind}`}
            data-kind={banner.kind}
            key={`${banner.kind}-${banner.source ?? ''}`}
          >
            <p class="banner-title">{banner.title}</p>
            <p class="banner-message">{banner.message}</p>
            {times === '' ? null : <p class="banner-times">{times}</p>}
            {banner.action === null ? null : (
              <button
                type="button"
                class="banner-action"
                onClick={() => {
                  if (banner.action !== null) props.onAction(banner.action);
                }}
              >
                {banner.action === 'settings' ? 'Open settings' : 'Try again'}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
