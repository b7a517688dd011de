import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import { TRACKER_PRESETS, type TrackerPreset } from '../../lib/postback/trackers';

export interface PresetGalleryProps {
  onPick: (preset: TrackerPreset) => void;
  presets?: readonly TrackerPreset[];
}

/** "Start from a tracker": one button per tracker preset. */
export function PresetGallery({ onPick, presets = TRACKER_PRESETS }: PresetGalleryProps) {
  const headingId = useId();
  return (
    <section class="gallery" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('templates.gallery.heading')}</h3>
      <p class="hint">{i18n.t('templates.gallery.intro')}</p>
      <ul class="gallery__list">
        {presets.map((p) => (
          <li key={p.id}>
            <button type="button" class="preset" onClick={() => onPick(p)}>
              <span class="preset__name">{p.tracker}</span>
              <code class="preset__param">{p.click_param}=</code>
              {p.uncertain && (
                <span class="badge badge--warn">{i18n.t('templates.gallery.unconfirmed')}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
