export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export {
  fieldErrors,
  fieldErrorsIn,
  fieldOfPointer,
  formFieldNames,
  formFieldsOf,
  inputOfFormFields,
  replyDraftInput,
  targetTitle,
  type FieldErrors,
  type FieldName,
  type FormFields,
} from './draft-form';
export { DraftLockedError, DraftNotFoundError, type Sentences } from './errors';
export { syncFailureCodes, type SyncFailureCode } from './failures';
export {
  createInProcessLock,
  createWebLock,
  defaultSyncLock,
  lockNameFor,
  type LockResult,
  type SyncLock,
} from './lock';
export type { Watchable } from './observable';
export { requestPersistentStorage, type PersistenceResult } from './persist';
export { timeoutSchedule, timerDelay } from './schedule';
export {
  draftStates,
  type Draft,
  type DraftError,
  type DraftInput,
  type DraftState,
  type ServerReceipt,
} from './schema';
export {
  describeDraft,
  describeSyncStatus,
  reasonSentence,
  watchSyncStatus,
  type StatusTone,
  type SyncStatus,
} from './status';
export { createDraftStore, type DraftFilter, type DraftStore, type DraftStoreOptions, type QueueResult } from './store';
export {
  createSyncEngine,
  type ConnectivityEvents,
  type Schedule,
  type SyncCounts,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncEngineState,
  type SyncReport,
} from './sync-engine';
export { checkDraft, type DraftCheck, type DraftProblem } from './validate';
export { NotWithdrawableError, withdrawContribution } from './withdraw';
export {
  countNews,
  hasNews,
  newsKeyOf,
  platformStateOf,
  platformStateOfDraft,
  type PlatformState,
  type PlatformStatus,
} from './platform-state';
export {
  describeOwnSummary,
  describePlatformState,
  moderationReasonWords,
  ownStateOf,
  ownStates,
  type OwnState,
  type OwnSummary,
} from './own-words';
export {
  createStatusFollower,
  followable,
  type StatusFollower,
  type StatusFollowerOptions,
  type StatusRefresh,
} from './status-follower';
export { makeWithdrawalKey, type WithdrawalKey } from './withdrawal-key';
export {
  answerOf,
  getSupport,
  intentDelta,
  setSupport,
  shownSupportCount,
  supportPending,
  watchSupports,
} from './supports';
export { countWithIntent, freshestCount, type CountAt } from './support-count';
export { supportStates, type SupportRecord, type SupportRecordState } from './support-record';
export type { PushClient } from './sync-push';
