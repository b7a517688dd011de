import { i18n } from '#i18n';
import type { CheckResult, Finding, Fix } from '../../lib/postback/check';
import { MacroText } from './MacroText';

export interface FindingsListProps {
  id: string;
  result: CheckResult;
  /** Apply a one-click fix to the field. */
  onFix: (fix: Fix) => void;
}

function severityLabel(f: Finding): string {
  if (f.severity === 'error') return i18n.t('findings.error');
  if (f.severity === 'warning') return i18n.t('findings.warning');
  return i18n.t('findings.info');
}

/** The summary line: "No problems found" or "1 error · 2 warnings". */
export function findingsSummary(result: CheckResult): string {
  const parts: string[] = [];
  if (result.errors.length) parts.push(i18n.t('findings.errors', result.errors.length));
  if (result.warnings.length) parts.push(i18n.t('findings.warnings', result.warnings.length));
  if (result.info.length) parts.push(i18n.t('findings.notes', result.info.length));
  return parts.length ? parts.join(' · ') : i18n.t('findings.none');
}

/** One finding as shown: where or how bad it is, the message, and the fix when the checker knows it. */
export interface ShownFinding {
  key: string;
  label: string;
  severity: Finding['severity'];
  rule: string;
  message: string;
  fix?: Fix | undefined;
}

/**
 * The findings' look, shared by the URL's list and the HTML code's: the summary is a polite live region, so a
 * screen reader hears the count change while typing without every message being read out.
 */
export function FindingsView(props: {
  id: string;
  valid: boolean;
  summary: string;
  findings: readonly ShownFinding[];
  onFix: (fix: Fix) => void;
}) {
  const { id, valid, summary, findings, onFix } = props;
  return (
    <div class="findings" id={id}>
      <p class={`findings__summary${valid ? '' : ' findings__summary--bad'}`} role="status">
        {summary}
      </p>
      {findings.length > 0 && (
        <ul class="findings__list">
          {findings.map((f) => (
            <li key={f.key} class={`finding finding--${f.severity}`} data-rule={f.rule}>
              <span class="finding__severity">{f.label}</span>
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

/** The checker's findings for the URL, worst first, each with its message and its one-click fix if any. */
export function FindingsList({ id, result, onFix }: FindingsListProps) {
  const findings = [...result.errors, ...result.warnings, ...result.info].map((f) => ({
    key: f.rule,
    label: severityLabel(f),
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    fix: f.fix,
  }));
  return (
    <FindingsView
      id={id}
      valid={result.valid}
      summary={findingsSummary(result)}
      findings={findings}
      onFix={onFix}
    />
  );
}
