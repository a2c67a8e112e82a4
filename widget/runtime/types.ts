import type { Commitment, Contribution, ContributionPage, Selector } from '../../api-client/contract';
import type { TemplateResult } from 'lit';
import type { DraftState, FieldErrors, FieldName, FormFields, SupportRecord } from '../../api-client/drafts';
import type { MineHost } from './mine-section';

export type { FieldName };

/** What the citizen is writing, as the form holds it: the words, and the passage quoted. */
export interface DraftFields extends FormFields {
  selectors: Selector[];
}

/** A draft as the form shows it: its words, where it stands, and why it was refused. */
export interface DraftView {
  id: string;
  fields: DraftFields;
  state: DraftState;
  /** The platform's reason for a refusal, a sentence in the widget's language. */
  reason?: string | undefined;
  /** Moderation status once synced. */
  published?: boolean;
}

/** On success, the id of the queued draft: a new one when the platform held the old id. */
export type SendResult = { ok: true; id: string } | { ok: false; errors: FieldErrors<string> };

/** Reading the platform: loaded with the writer, on the first interaction. */
export interface Reader {
  loadCommitment(id: string): Promise<Commitment | null>;
  loadContributions(cursor?: string): Promise<ContributionPage>;
}

/** Writing and keeping drafts: loaded on first focus, or at once when drafts are waiting. */
export interface Writer {
  restore(): Promise<DraftView | null>;
  /** Saves the fields (creating the draft on first save); resolves with the draft id. */
  save(id: string | null, fields: DraftFields): Promise<string>;
  send(id: string): Promise<SendResult>;
  /** Calls back with the draft's view now and at every change; returns an unsubscribe. */
  watch(id: string, callback: (view: DraftView | undefined) => void): () => void;
  /** Calls back with how many of this origin's drafts are not yet received, now and at every change. */
  watchOpenDrafts(callback: (count: number) => void): () => void;
  /** The pseudonym this device signed with last (the form's field remembers it), or ''. */
  pseudonym(): string;
  /** "Mes contributions sur cette page", drawn by the element where it wants it. */
  mine(host: MineHost): MineView;
  /** "Moi aussi" on this device: kept at once, sent by the engine; false where this browser cannot make the key. */
  /** `countAtPress`: the platform's count shown when pressing (see shownSupportCount). */
  setSupport(contributionId: string, wanted: boolean, countAtPress?: number): Promise<boolean>;
  /** This device's "Moi aussi", by contribution id, now and at every change. */
  watchSupports(callback: (supports: ReadonlyMap<string, SupportRecord>) => void): () => void;
  /** Saves a reply's words (creating its draft on first save), signed as the form's pseudonym; resolves with its id. */
  saveReply(id: string | null, parent: Contribution, body: string): Promise<string>;
  /** This device's replies not yet received by the platform (being written, waiting, refused), by parent. */
  openReplies(): Promise<Array<{ parentId: string; view: DraftView }>>;
  dispose(): void;
}

/** The section as the element draws it, and what it learns from the live stream. */
export interface MineView {
  render(): TemplateResult | '';
  /** These contributions changed in public (published, answered, removed): ask what became of ours. */
  heard(ids: readonly string[]): void;
}

export interface RuntimeOptions {
  platform: string;
  locale: 'fr' | 'en';
  pageUrl: string;
  pageTitle: string;
  commitmentId: string | undefined;
  campaignId: string | undefined;
}

export type { Contribution, SupportRecord };
