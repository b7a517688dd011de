import { useState } from 'preact/hooks';
import { type Download, downloadText } from '../templates/download';
import { ApplyPanel } from './ApplyPanel';
import type { BulkApi } from './api';
import { FindPanel } from './FindPanel';
import { JobsPanel } from './JobsPanel';

/** The Bulk section: apply a template to many offers, find and replace everywhere, and the jobs. */
export function BulkScreen({ api, download = downloadText }: { api: BulkApi; download?: Download }) {
  const [refreshKey, setRefreshKey] = useState(0);
  const started = () => setRefreshKey((k) => k + 1);
  return (
    <div class="screen bulk">
      <JobsPanel api={api} download={download} refreshKey={refreshKey} />
      <ApplyPanel api={api} onStarted={started} />
      <FindPanel api={api} onStarted={started} />
    </div>
  );
}
