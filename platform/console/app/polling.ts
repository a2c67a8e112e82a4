import { useEffect } from 'preact/hooks';

/** How often counts are asked again while the page is visible: one grouped query each, cheap. */
export const POLL_MS = 20_000;

/**
 * Calls `refresh` every `ms` while the page is visible, and at once when it becomes visible
 * again; a hidden tab asks nothing. (The platform may push events some day; asking a cheap
 * count every few seconds needs nothing more than what is here.)
 */
export function usePolling(refresh: () => void, ms = POLL_MS): void {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined && document.visibilityState === 'visible') timer = setInterval(refresh, ms);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        refresh();
        start();
      } else stop();
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
