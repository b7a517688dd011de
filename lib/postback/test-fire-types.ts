/**
 * The shapes of a test-fire (issue 18.2) shared by the background and the pages: what a page asks to send, and
 * what comes back. Types only.
 */
import type { TestFireConfirmations } from './test-fire-target';
import type { FireOutcome, Verdict } from './test-fire-verdict';

/** One test-fire request: a postback URL already rendered with sample values by the page. */
export interface TestFireInput {
  url: string;
  /** A template's tracker preset id, when the test comes from one. */
  tracker?: string;
  confirmed?: TestFireConfirmations;
}

/** The tracker's answer (status, redirects, first 2 KB of the body as text) and what it means. */
export interface TestFireReply {
  outcome: FireOutcome & { url: string; bodyCut?: boolean; stoppedAt?: string };
  verdict: Verdict;
}
