import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Reports the height the popover's content wants: the page (header, scrolling middle, footer)
 * as it is, less the middle's visible height, plus its scrolling height. Main sizes the
 * window to it within the screen's work area; what does not fit scrolls between header and footer.
 */
export function useFitToContent(
  page: RefObject<HTMLElement | null>,
  middle: RefObject<HTMLElement | null>,
  report: (height: number) => void,
): void {
  useLayoutEffect(() => {
    const outer = page.current;
    const scroller = middle.current;
    const inner = scroller?.firstElementChild;
    if (outer === null || scroller === null || !(inner instanceof HTMLElement)) return;
    let last = -1;
    const measure = () => {
      const height = Math.ceil(outer.offsetHeight - scroller.clientHeight + scroller.scrollHeight);
      if (height === last) return;
      last = height;
      report(height);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(outer);
    observer.observe(inner);
    measure();
    return () => {
      observer.disconnect();
    };
  }, [page, middle, report]);
}
