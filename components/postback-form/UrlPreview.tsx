import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelType } from '../../lib/postback/macros';
import { previewPostbackUrl } from '../../lib/postback/preview';

export interface UrlPreviewProps {
  url: string;
  pixelType?: PixelType;
}

/**
 * The URL as the tracker will receive it, with sample values in place of the macros, and the parameters its
 * server reads. Shown as text, never as a link: nothing here is ever requested.
 */
export function UrlPreview({ url, pixelType }: UrlPreviewProps) {
  const headingId = useId();
  if (url.trim() === '') return null;
  const preview = previewPostbackUrl(url, { pixelType });
  return (
    <figure class="preview" aria-labelledby={headingId}>
      <figcaption class="preview__heading" id={headingId}>
        {i18n.t('preview.heading')}
      </figcaption>
      <p class="preview__url">
        <code>
          {preview.segments.map((s, i) =>
            s.kind === 'literal' ? (
              s.text
            ) : (
              <span key={i} class={`preview__${s.kind}`} title={s.macro}>
                {s.kind === 'blank' ? '' : s.text}
              </span>
            ),
          )}
        </code>
      </p>
      {preview.received.params.length > 0 && (
        <table class="preview__params">
          <caption class="sr-only">{i18n.t('preview.params')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('preview.param')}</th>
              <th scope="col">{i18n.t('preview.value')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.received.params.map((p, i) => (
              <tr key={i}>
                <td>
                  <code>{p.key}</code>
                </td>
                <td>
                  {p.value === '' ? <em class="muted">{i18n.t('preview.empty')}</em> : <code>{p.value}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{i18n.t('preview.note')}</p>
    </figure>
  );
}
