import { i18n } from '#i18n';
import type { Fix } from '../../lib/postback/check';
import type { HtmlCheckResult, HtmlFinding, HtmlLocation } from '../../lib/postback/check-html';
import { FindingsView, findingsSummary } from './FindingsList';

export interface HtmlFindingsProps {
  id: string;
  result: HtmlCheckResult;
  /** Apply a one-click fix to the code. */
  onFix: (fix: Fix) => void;
}

/** Where a finding is, in words: "URL 2 (iframe)" or "In the code". */
export function htmlLocationLabel(loc: HtmlLocation): string {
  return loc.kind === 'src'
    ? i18n.t('findings.htmlUrl', [String(loc.ordinal), loc.tag])
    : i18n.t('findings.htmlCode');
}

const bySeverity = (fs: readonly HtmlFinding[], s: HtmlFinding['severity']) =>
  fs.filter((f) => f.severity === s);

/**
 * The checker's findings for HTML pixel code (issue 15.4), each under the `src` URL it is about (or "In the
 * code" for a macro outside the URLs), with its fix. Same look and live summary as the URL's findings.
 */
export function HtmlFindings({ id, result, onFix }: HtmlFindingsProps) {
  const summary = findingsSummary({
    valid: result.valid,
    errors: bySeverity(result.findings, 'error'),
    warnings: bySeverity(result.findings, 'warning'),
    info: bySeverity(result.findings, 'info'),
    tokens: [],
  });
  const findings = result.findings.map((f, n) => ({
    key: String(n),
    label: htmlLocationLabel(f.location),
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    fix: f.fix,
  }));
  return <FindingsView id={id} valid={result.valid} summary={summary} findings={findings} onFix={onFix} />;
}
