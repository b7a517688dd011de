import type { Job } from '../../lib/model/jobs';

function cell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  // Quote every text cell; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A job's report as CSV: one row per step (offer, what happened, the postback id, why). */
export function jobCsv(job: Job): string {
  const rows = [['profile_id', 'offer_id', 'what', 'result', 'postback_id', 'reason']];
  for (const s of job.steps) {
    rows.push([
      s.profileId,
      String(s.offerId || ''),
      s.label,
      s.state === 'done'
        ? s.kind === 'create'
          ? 'created'
          : 'saved'
        : s.state === 'pending'
          ? 'not run'
          : s.state,
      s.resultPixelId === undefined ? '' : String(s.resultPixelId),
      s.reason ?? '',
    ]);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Counts of a job's steps by state. */
export function jobCounts(job: Job): Record<'done' | 'skipped' | 'failed' | 'left', number> {
  const c = { done: 0, skipped: 0, failed: 0, left: 0 };
  for (const s of job.steps) {
    if (s.state === 'done') c.done++;
    else if (s.state === 'skipped') c.skipped++;
    else if (s.state === 'failed') c.failed++;
    else c.left++;
  }
  return c;
}
