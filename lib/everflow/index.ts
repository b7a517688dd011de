/**
 * The Everflow module's public surface. This directory is the only code that knows Everflow HTTP;
 * it uses no browser extension API (fetch is injected), so it runs in the service worker and in Node.
 */
export type { AffiliateApi, AffiliatePixelFilter, AffiliatePixelInput } from './affiliate-api';
export {
  createEverflowClient,
  DEFAULT_TIMEOUT_MS,
  type EverflowClient,
  type EverflowClientOptions,
} from './client';
export { type CreateOutcome, matchesRequest } from './create-recovery';
export { checkExpectedRealm, type DetectRealmOptions, detectRealm } from './detect-realm';
export {
  ERROR_KINDS,
  type EverflowError,
  type EverflowErrorKind,
  errorMessage,
  realmMismatchMessage,
} from './errors';
export {
  INTEGRATION_REQUIREMENTS,
  type IntegrationRequirement,
  integrationIssues,
  type WriteMode,
} from './integration-rules';
export { clearSharedLimiters, createLimiter, DEFAULT_RATES, type Limiter, sharedLimiter } from './limiter';
export type {
  NetworkApi,
  NetworkOfferQuery,
  NetworkOfferStatus,
  NetworkPixelInput,
  NetworkPixelSearch,
  PartnerQuery,
} from './network-api';
export { REGIONS, type Region, resolveBaseUrl } from './regions';
export { mergeForPut, type PixelChanges, READ_ONLY_KEYS } from './roundtrip';
export { checkPixelRules, MAX_DELAY_MS, type RuleIssue } from './rules';
export type { AccountInfo } from './schemas/accounts';
export { draftIssues } from './schemas/draft';
export * from './schemas/enums';
export type { Offer, OfferEvent, OfferWithEvents, Page, PartnerSummary } from './schemas/offers';
export type { Postback } from './schemas/postback';
export type { CallOptions } from './transport';
