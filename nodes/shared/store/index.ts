export type { InsertResult, KeyedValue, SharedStore, StoredRecord } from './types';
export { StoreContentionError, StoreError, StoreRejectedError, StoreUnavailableError } from './errors';
export type { StoreErrorCode } from './errors';
export { createMemoryStore } from './memory-store';
export type { MemoryStoreOptions } from './memory-store';
export { createDataTableStore, DEFAULT_STATE_TABLE } from './data-table-store';
export type { DataTableStoreOptions } from './data-table-store';
export { updateWithRetry } from './update-with-retry';
export type { UpdateOutcome, UpdateWithRetryOptions } from './update-with-retry';
