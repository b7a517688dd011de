import { i18n } from '#i18n';
import type { Fix } from '../../lib/postback/check';
import type { HtmlCheckResult, HtmlFinding, HtmlLocation } from '../../lib/postback/check-html';
import { findingsSummary } from './FindingsList';
import { MacroText } from './MacroText';

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
  return (
    <div class="findings" id={id}>
      <p class={`findings__summary${result.valid ? '' : ' findings__summary--bad'}`} role="status">
        {summary}
      </p>
      {result.findings.length > 0 && (
        <ul class="findings__list">
          {result.findings.map((f, n) => (
            <li key={n} class={`finding finding--${f.severity}`} data-rule={f.rule}>
              <span class="finding__severity">{htmlLocationLabel(f.location)}</span>
              <span class="finding__message">
                <MacroText text={f.message} />
              </span>
              {f.fix && (
                <button type="button" class="button button--small" onClick={() => f.fix && onFix(f.fix)}>
                  {i18n.t('findings.fix', [f.fix.label])}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
