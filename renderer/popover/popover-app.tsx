import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LOADING_CONTENT, type PopoverModel } from '../../shared/ipc/popover-model';
import { pacewatch } from '../common/bridge';
import { useNow } from '../common/use-now';
import { BankedResets } from './banked';
import { Banners, type BannerHandlers } from './banners';
import { cooldownLine } from './card-text';
import { ExtraUsage, LogsEstimate, Money, Status } from './details';
import { useFitToContent } from './use-fit';
import { SkeletonCard, UsageCard } from './usage-card';
import { UpdateLine } from './update-line';

/** The popover: banners, a card per window, spend, the estimate, status and the three buttons. */
export function PopoverApp(props: {
  readonly initial: PopoverModel | null;
  /** The snapshot asked for at start-up, when it had not arrived by the first render. */
  readonly first: Promise<PopoverModel>;
}) {
  const [model, setModel] = useState<PopoverModel | null>(props.initial);
  const [refreshing, setRefreshing] = useState(false);
  /** What the last manual refresh could not do: ask before a server cooldown ends. */
  const [refreshNote, setRefreshNote] = useState('');
  const now = useNow();
  const api = pacewatch();
  const page = useRef<HTMLElement>(null);
  const middle = useRef<HTMLDivElement>(null);
  const fit = useCallback(
    (height: number) => {
      void api.fitPopover({ height });
    },
    [api],
  );
  useFitToContent(page, middle, fit);

  useEffect(() => {
    // Subscribe, then ask again: an update pushed between the first answer and the subscription
    // would otherwise be missed until the next tick. Whatever arrives, the newest model wins.
    const newest = (next: PopoverModel) => {
      setModel((current) =>
        current !== null && current.assembledAt > next.assembledAt ? current : next,
      );
    };
    const unsubscribe = api.on('popover', newest);
    void props.first.then(newest);
    void api.getPopover().then(newest);
    return unsubscribe;
  }, [api, props.first]);

  useEffect(() => {
    // For the first-paint benchmark, when the skeleton showed first: the snapshot's first frame.
    if (model?.phase === 'ready' && performance.getEntriesByName(SNAPSHOT_PAINTED).length === 0) {
      requestAnimationFrame(() => performance.mark(SNAPSHOT_PAINTED));
    }
  }, [model]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    setRefreshNote('');
    void api
      .refresh()
      .then((next) => {
        setModel(next);
        setRefreshNote(cooldownLine(next.banners, Date.now()));
      })
      .finally(() => {
        setRefreshing(false);
      });
  }, [api]);
  const openSettings = useCallback(() => void api.openSettings(), [api]);
  const bannerHandlers = useMemo<BannerHandlers>(
    () => ({
      settings: openSettings,
      refresh,
      copy: async (text) => {
        const copied = await api.copyText({ text });
        return copied.ok ? `Copied \u201c${text}\u201d: paste it in a terminal.` : copied.message;
      },
    }),
    [api, openSettings, refresh],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void api.hidePopover();
      else if ((event.metaKey || event.ctrlKey) && event.key === ',') openSettings();
      else if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'r') {
        event.preventDefault();
        refresh();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [api, openSettings, refresh]);

  const current = model ?? LOADING;
  const shownAt = Math.max(now, current.assembledAt);
  const enterprise = current.banners.some((banner) => banner.kind === 'enterprise');
  return (
    <main
      ref={page}
      class="popover"
      aria-busy={current.phase === 'loading' || refreshing}
      data-phase={current.phase}
    >
      <header class="top">
        <h1>Pacewatch</h1>
      </header>
      <div class="middle" ref={middle}>
        <div class="middle-content">
          <Banners banners={current.banners} now={shownAt} handlers={bannerHandlers} />
          <div class="cards">
            {current.phase === 'loading' ? (
              <>
                <SkeletonCard label="Session" />
                <SkeletonCard label="Week" />
              </>
            ) : (
              current.cards.map((card) => <UsageCard key={card.id} card={card} now={shownAt} />)
            )}
            {current.extraUsage === null ? null : (
              <ExtraUsage
                extra={current.extraUsage}
                prominent={enterprise}
                warnAt={current.warnAt}
                criticalAt={current.criticalAt}
              />
            )}
            <Money spend={current.spend} credits={current.prepaidCredits} />
          </div>
          <BankedResets banked={current.banked} now={shownAt} />
          {current.logs === null ? null : <LogsEstimate logs={current.logs} />}
        </div>
      </div>
      <footer class="foot">
        {current.update === undefined ? null : <UpdateLine version={current.update.version} />}
        <Status model={current} now={shownAt} />
        <p class="refresh-note" role="status" aria-live="polite">
          {refreshNote}
        </p>
        <div class="actions">
          <button
            type="button"
            onClick={refresh}
            disabled={refreshing}
            aria-keyshortcuts="Control+R Meta+R"
          >
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
          <button type="button" onClick={openSettings} aria-keyshortcuts="Control+, Meta+,">
            Settings
          </button>
          <button type="button" class="quiet" onClick={() => void api.quit()}>
            Quit
          </button>
        </div>
      </footer>
    </main>
  );
}

/** The performance mark set as the frame showing the first snapshot starts. */
export const SNAPSHOT_PAINTED = 'pacewatch:snapshot-painted';

/** Until the first snapshot arrives: the skeleton; the thresholds colour no card yet. */
const LOADING: PopoverModel = {
  ...LOADING_CONTENT,
  assembledAt: 0,
  route: null,
  notices: [],
  snoozedUntil: null,
  warnAt: 50,
  criticalAt: 90,
};
