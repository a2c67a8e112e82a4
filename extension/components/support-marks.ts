import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/messenger';
import { SupportMark } from '../messaging/talk-back';

/** While an intent waits to be sent, how often the list asks whether it left. */
const WAITING_POLL_MS = 2000;

export interface SupportMarks {
  marks: ReadonlyMap<string, SupportMark>;
  busy: ReadonlySet<string>;
  /** The last press could not be kept (the background refused or could not answer). */
  failed: boolean;
  /** `countAtPress`: the platform's count shown beside the button (platformCount). */
  press(id: string, wanted: boolean, countAtPress: number): void;
}

/**
 * This device's "Moi aussi" on the contributions a list shows, kept by the background.
 * Pressing keeps the intent there at once (offline too). An extension page is told every
 * change on its port (`pushed`); the in-page popover, which has no port, asks, and while
 * an intent waits to be sent asks again every few seconds, so it sees it leave.
 */
export function useSupportMarks(ids: readonly string[], pushed?: ReadonlyMap<string, SupportMark>): SupportMarks {
  const [marks, setMarks] = useState<ReadonlyMap<string, SupportMark>>(new Map());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState(false);
  const key = ids.join(',');
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const keep = (answers: readonly unknown[]) => {
    if (!alive.current) return;
    const parsed = answers.flatMap((a) => {
      const mark = SupportMark.safeParse(a);
      return mark.success ? [mark.data] : [];
    });
    setMarks((previous) => new Map([...previous, ...parsed.map((m) => [m.id, m] as const)]));
  };

  const waiting = [...marks.values()].some((m) => m.stage === 'waiting');
  useEffect(() => {
    if (ids.length === 0 || pushed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const ask = async () => {
      try {
        const answers = await sendMessage('support:marks', { ids: [...ids] });
        if (stopped) return;
        keep(answers);
        if (answers.some((m) => m.stage === 'waiting')) timer = setTimeout(() => void ask(), WAITING_POLL_MS);
      } catch {
        // The list still shows the platform's counts; the button works once the background answers.
      }
    };
    void ask();
    const again = () => {
      clearTimeout(timer);
      void ask();
    };
    addEventListener('online', again);
    return () => {
      stopped = true;
      clearTimeout(timer);
      removeEventListener('online', again);
    };
    // The ids as one key: a new array of the same ids asks nothing again; a press that
    // leaves an intent waiting starts the asking again.
  }, [key, waiting, pushed === undefined]);

  const press = (id: string, wanted: boolean, countAtPress: number) => {
    setBusy((b) => new Set([...b, id]));
    setFailed(false);
    void sendMessage('support:press', { id, wanted, countAtPress })
      .then((mark) => keep([mark]))
      .catch(() => alive.current && setFailed(true))
      .finally(() => {
        if (alive.current) setBusy((b) => new Set([...b].filter((x) => x !== id)));
      });
  };
  const none = (id: string): SupportMark => ({ id, pressed: false, delta: 0, stage: 'none' });
  return {
    marks: pushed ? new Map(ids.map((id) => [id, pushed.get(id) ?? none(id)])) : marks,
    busy,
    failed,
    press,
  };
}
