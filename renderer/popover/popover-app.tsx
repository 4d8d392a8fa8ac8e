import { useCallback, useEffect, useState } from 'preact/hooks';
import { LOADING_CONTENT, type PopoverModel } from '../../shared/ipc/popover-model';
import { pacewatch } from '../common/bridge';
import { useNow } from '../common/use-now';
import { Banners } from './banners';
import { ExtraUsage, LogsEstimate, Money, Status } from './details';
import { SkeletonCard, UsageCard } from './usage-card';

/** The popover: banners, a card per window, spend, the estimate, status and the three buttons. */
export function PopoverApp(props: {
  readonly initial: PopoverModel | null;
  /** The snapshot asked for at start-up, when it had not arrived by the first render. */
  readonly first: Promise<PopoverModel>;
}) {
  const [model, setModel] = useState<PopoverModel | null>(props.initial);
  const [refreshing, setRefreshing] = useState(false);
  const now = useNow();
  const api = pacewatch();

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
    void api
      .refresh()
      .then(setModel)
      .finally(() => {
        setRefreshing(false);
      });
  }, [api]);
  const openSettings = useCallback(() => void api.openSettings(), [api]);

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
      class="popover"
      aria-busy={current.phase === 'loading' || refreshing}
      data-phase={current.phase}
    >
      <header class="top">
        <h1>Pacewatch</h1>
      </header>
      <Banners
        banners={current.banners}
        now={shownAt}
        onAction={(action) => {
          if (action === 'settings') openSettings();
          else refresh();
        }}
      />
      <div class="cards">
        {current.phase === 'loading' ? (
          <>
            <SkeletonCard label="Session" />
            <SkeletonCard label="Week" />
          </>
        ) : (
          current.cards.map((card) => (
            <UsageCard
              key={card.id}
              card={card}
              now={shownAt}
              warnAt={current.warnAt}
              criticalAt={current.criticalAt}
            />
          ))
        )}
        {current.extraUsage === null ? null : (
          <ExtraUsage extra={current.extraUsage} prominent={enterprise} />
        )}
        <Money spend={current.spend} credits={current.prepaidCredits} />
      </div>
      {current.logs === null ? null : <LogsEstimate logs={current.logs} />}
      <Status model={current} now={shownAt} />
      <footer class="actions">
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
