import { useState } from 'preact/hooks';
import type { BannerAction, BannerModel } from '../../shared/ipc/popover-model';
import { bannerTimes } from './card-text';
import { RichText } from './rich-text';

/** The command that signs Claude Code in again, for the "Copy" button. */
export const CLAUDE_COMMAND = 'claude';

/** What the popover does for a banner's button. */
export interface BannerHandlers {
  readonly settings: () => void;
  readonly refresh: () => void;
  /** Copies a command; resolves to a sentence saying what happened. */
  readonly copy: (text: string) => Promise<string>;
}

/** The states that need words, each with what to do and the buttons that do it. */
export function Banners(props: {
  readonly banners: readonly BannerModel[];
  readonly now: number;
  readonly handlers: BannerHandlers;
}) {
  return (
    <div class="banners" role="status" aria-live="polite">
      {props.banners.map((banner) => (
        <Banner
          key={`${banner.kind}-${banner.source ?? ''}`}
          banner={banner}
          now={props.now}
          handlers={props.handlers}
        />
      ))}
    </div>
  );
}

function Banner(props: {
  readonly banner: BannerModel;
  readonly now: number;
  readonly handlers: BannerHandlers;
}) {
  const { banner, handlers } = props;
  const [copied, setCopied] = useState('');
  const times = bannerTimes(banner, props.now);
  const run = (action: BannerAction) => {
    if (action === 'refresh') handlers.refresh();
    else if (action === 'copy-claude') void handlers.copy(CLAUDE_COMMAND).then(setCopied);
    // The status line is installed from settings, where the backup and the result are shown.
    else handlers.settings();
  };
  return (
    <div class={`banner banner-${banner.kind}`} data-kind={banner.kind}>
      <p class="banner-title">{banner.title}</p>
      <p class="banner-message">
        <RichText text={banner.message} />
      </p>
      {times === '' ? null : <p class="banner-times">{times}</p>}
      {banner.actions.length === 0 ? null : (
        <div class="banner-actions">
          {banner.actions.map((action) => (
            <button
              key={action}
              type="button"
              class="banner-action"
              data-action={action}
              onClick={() => {
                run(action);
              }}
            >
              <ActionLabel action={action} />
            </button>
          ))}
        </div>
      )}
      {copied === '' ? null : <p class="banner-copied">{copied}</p>}
    </div>
  );
}

function ActionLabel(props: { readonly action: BannerAction }) {
  switch (props.action) {
    case 'copy-claude':
      return (
        <>
          Copy <code>{CLAUDE_COMMAND}</code> command
        </>
      );
    case 'refresh':
      return <>Check again</>;
    case 'settings':
      return <>Open settings</>;
    case 'statusline':
      return <>Set up the status line</>;
  }
}
