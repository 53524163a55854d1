export type { Clock } from './clock';
export { RatePacer, defaultBurst } from './rate-pacer';
export { runSchedule, type AttemptOutcome, type BroadcastJob, type ScheduleOptions, type Settled } from './scheduler';
export { MARKETING_OPT_OUT, attemptSend, describeFailure, retryDelayAfter, type SendAnswer, type SendFailure, type SendResult } from './send-outcome';
export { VARIANT_NAME_MAX, VariantError, checkVariants, pickVariant, stablePosition, type Variant } from './variants';
export { DEFAULT_CONSENT_VALUES, parseConsentValues, saysYes } from './consent';
export { SKIP_EXPLANATIONS, skipRepeatedRecipients, type PreparedItem, type SkipReason } from './plan';
