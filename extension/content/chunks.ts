import type { Contribution, ContributionKind } from '../../api-client/contract';
import type { UiLocale } from '../i18n/locale';
import type { OwnPassage, PassageChoice, PassageChooseRequest } from '../messaging/protocol';
import type { UiHost } from './ui-host';

/** Where on the page (document coordinates) a popover opens from. */
export interface PageSpot {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface OpenComposerOptions {
  host: UiHost;
  range: Range;
  kind: ContributionKind;
  locale: UiLocale;
  pseudonym: string;
  signal: AbortSignal;
  /** The contribution left: the page shows the citizen's own pending passage. */
  onSent: () => void;
}

export interface ShowContributionsOptions {
  host: UiHost;
  contributions: Contribution[];
  /** When the platform was asked for them (epoch ms). */
  listedAt: number;
  at: PageSpot;
  /** Where focus goes back when the popover closes (the highlight's marker). */
  returnFocus: HTMLElement | null;
  locale: UiLocale;
  signal: AbortSignal;
}

/** content-ui.js: the composer and the contributions popover (Preact). */
export interface UiChunk {
  openComposer(options: OpenComposerOptions): void;
  showContributions(options: ShowContributionsOptions): void;
}

export interface HighlighterOptions {
  host: UiHost;
  contributions: Contribution[];
  /** This device's answers about their passages, by contribution id. */
  choices: Record<string, PassageChoice>;
  locale: UiLocale;
  signal: AbortSignal;
  /** A highlight was clicked, or its marker activated from the keyboard. */
  onActivate(contributions: Contribution[], at: PageSpot, marker: HTMLElement | null): void;
  /** The passages were placed (again): those not highlighted, and why. */
  onPlaced(result: { orphanIds: string[]; possible: { id: string; text: string }[] }): void;
  /** The citizen answered a possible match: for the background to keep on this device. */
  onChoose(id: string, choice: PassageChooseRequest['choice']): Promise<void>;
}

/** The running highlighter, for the side panel's questions. */
export interface Highlighter {
  /** "C'est ici" (`here`) or "Ce n'est pas ici" about a possible match; false if there is none. */
  decide(id: string, here: boolean): Promise<boolean>;
}

export interface OwnPassagesOptions {
  host: UiHost;
  locale: UiLocale;
  signal: AbortSignal;
}

/** The citizen's own passages, sent and not yet public, marked for them alone. */
export interface OwnPassagesPainter {
  /** Marks exactly these passages (anchored again on the page as it is now). */
  show(passages: OwnPassage[]): Promise<void>;
}

/** content-highlights.js: anchoring and highlights, no framework. */
export interface HighlighterChunk {
  startHighlighter(options: HighlighterOptions): Promise<Highlighter>;
  startOwnPassages(options: OwnPassagesOptions): OwnPassagesPainter;
}

export interface Chunks {
  ui: UiChunk;
  highlights: HighlighterChunk;
}

const REGISTRY = '__vigieChunks';

/**
 * A lazy chunk registers itself here when it runs. It runs in the content
 * script's isolated world (an import() from a content script stays there), so
 * the page sees neither the registry nor what is in it.
 */
export function registerChunk<K extends keyof Chunks>(name: K, chunk: Chunks[K]): void {
  const registry = ((globalThis as Record<string, unknown>)[REGISTRY] ??= {}) as Partial<Chunks>;
  registry[name] = chunk;
}

export function registeredChunk<K extends keyof Chunks>(name: K): Chunks[K] | undefined {
  return ((globalThis as Record<string, unknown>)[REGISTRY] as Partial<Chunks> | undefined)?.[name];
}
