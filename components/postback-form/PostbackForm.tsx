import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { OfferView } from '../../lib/model/offer';
import type { Role } from '../../lib/model/vocabulary';
import { applyFix, checkPostbackUrl, type Fix } from '../../lib/postback/check';
import { checkHtmlPixel } from '../../lib/postback/check-html';
import { receiverHint } from '../../lib/postback/trackers';
import { networkIntegrationRenderer } from '../network/integrations/render';
import { FieldError } from '../ui/Field';
import { SelectField } from '../ui/SelectField';
import { DelayField } from './DelayField';
import { DescriptionField } from './DescriptionField';
import type { LoadEvents } from './EventPicker';
import { FindingsList } from './FindingsList';
import { HtmlFindings } from './HtmlFindings';
import { deliveryLabel, levelHint, levelLabel, pixelTypeOptions } from './labels';
import { MacroPicker } from './MacroPicker';
import {
  applyChange,
  deliveryMethodsFor,
  type FormField,
  levelLocked,
  levelsFor,
  type PostbackFormValue,
} from './model';
import { OfferEventRow } from './OfferEventRow';
import type { RenderIntegration } from './render-integration';
import { UrlField } from './UrlField';
import { UrlPreview } from './UrlPreview';

export type { RenderIntegration };

export interface PostbackFormProps {
  /** Which API the postback is for: the network side has more levels and delivery methods. */
  side: Role;
  value: PostbackFormValue;
  onChange: (next: PostbackFormValue) => void;
  /** Offers to choose from. Without them the form has no offer field (templates get theirs when used). */
  offers?: readonly OfferView[];
  /** Loads an offer's payout events for the event picker (needs `offers`). */
  loadEvents?: LoadEvents;
  /** The tracker preset the URL is for (a template's tracker), so the checker runs its rules on custom domains. */
  tracker?: string;
  /** Errors to show next to fields (form rules after a save attempt, or the background's answer). */
  errors?: Partial<Record<FormField, string>>;
  /** Errors inside the integration object, by field name (see `integrationErrors`). */
  integrationErrors?: Readonly<Record<string, string>>;
  /** Fields the host page does not want. */
  hide?: {
    deliveryMethod?: boolean;
    pixelType?: boolean;
    level?: boolean;
    delay?: boolean;
    description?: boolean;
  };
  /** Network mode: the partner picker, placed after the level. */
  partnerField?: ComponentChildren;
  /** Network mode: a searchable offer picker, used instead of the `offers` select (the event picker stays). */
  offerField?: ComponentChildren;
  /**
   * The settings of facebook/tiktok/snapchat/rumble delivery. Those methods appear only with it; the network
   * side gets the network sub-forms by default (so templates and the popup edit them too).
   */
  renderIntegration?: RenderIntegration;
}

/**
 * The postback form, shared by the options page (templates) and the popup: delivery method, pixel type (with
 * the event picker), level, offer, the URL with live check, macro picker, fixes and preview (or the HTML code,
 * as text), and the delay. Controlled: every change goes through `onChange`, so the host can keep drafts.
 */
export function PostbackForm(props: PostbackFormProps) {
  const { side, value, onChange, offers, loadEvents, tracker, errors = {}, hide = {} } = props;
  const id = useId();
  const urlRef = useRef<HTMLTextAreaElement>(null);
  const htmlRef = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes after the next render (an inserted macro or an applied fix moves it).
  const caret = useRef<{ el: 'url' | 'html'; at: number } | null>(null);

  const set = (patch: Partial<PostbackFormValue>) => onChange(applyChange(value, patch, side));
  const hint = receiverHint(tracker);
  const check = useMemo(
    () => checkPostbackUrl(value.postbackUrl, { pixelType: value.pixelType, tracker: hint }),
    [value.postbackUrl, value.pixelType, hint],
  );
  // HTML pixel code: each img/iframe/script src checked like a URL, and the macros around them (issue 15.4).
  const isHtmlMethod = value.deliveryMethod === 'html';
  const htmlCheck = useMemo(
    () =>
      isHtmlMethod && value.htmlCode.trim()
        ? checkHtmlPixel(value.htmlCode, { pixelType: value.pixelType, tracker: hint })
        : undefined,
    [isHtmlMethod, value.htmlCode, value.pixelType, hint],
  );

  useLayoutEffect(() => {
    const want = caret.current;
    if (!want) return;
    caret.current = null;
    const el = want.el === 'url' ? urlRef.current : htmlRef.current;
    el?.focus();
    el?.setSelectionRange(want.at, want.at);
  });

  const isPostback = value.deliveryMethod === 'postback';
  const isHtml = value.deliveryMethod === 'html';
  const insertMacro = (token: string) => {
    const which = isHtml ? 'html' : 'url';
    const el = which === 'url' ? urlRef.current : htmlRef.current;
    const text = which === 'url' ? value.postbackUrl : value.htmlCode;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? start;
    const next = text.slice(0, start) + token + text.slice(end);
    caret.current = { el: which, at: start + token.length };
    set(which === 'url' ? { postbackUrl: next } : { htmlCode: next });
  };
  const fix = (f: Fix) => {
    caret.current = { el: 'url', at: f.start + f.text.length };
    set({ postbackUrl: applyFix(value.postbackUrl, f) });
  };
  const fixHtml = (f: Fix) => {
    caret.current = { el: 'html', at: f.start + f.text.length };
    set({ htmlCode: applyFix(value.htmlCode, f) });
  };

  const renderIntegration = useMemo(
    () =>
      props.renderIntegration ?? (side === 'network' ? networkIntegrationRenderer(`${id}-int`) : undefined),
    [props.renderIntegration, side, id],
  );
  const methods = deliveryMethodsFor(side, renderIntegration !== undefined);
  const locked = levelLocked(side, value);
  const urlDescribed = [errors.postbackUrl && `${id}-url-error`, value.postbackUrl && `${id}-findings`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="postback-form">
      <div class="field-row">
        {!hide.deliveryMethod && (
          <SelectField
            id={`${id}-method`}
            label={i18n.t('form.method.label')}
            value={value.deliveryMethod}
            options={methods.map((m) => ({ value: m, label: deliveryLabel(m) }))}
            onChange={(m) => set({ deliveryMethod: m })}
            error={errors.deliveryMethod}
          />
        )}
        {!hide.pixelType && (
          <SelectField
            id={`${id}-type`}
            label={i18n.t('form.pixelType.label')}
            value={value.pixelType}
            options={pixelTypeOptions()}
            onChange={(t) => set({ pixelType: t })}
            error={errors.pixelType}
          />
        )}
        {!hide.level && (
          <SelectField
            id={`${id}-level`}
            label={i18n.t('form.level.label')}
            value={value.level}
            options={(locked ? [value.level] : levelsFor(side, value.pixelType)).map((l) => ({
              value: l,
              label: levelLabel(l, side),
            }))}
            onChange={(l) => set({ level: l })}
            hint={
              locked
                ? `${levelHint(value.level, side)} ${i18n.t('form.level.network.cpcFixed')}`
                : levelHint(value.level, side)
            }
            error={errors.level}
            disabled={locked}
          />
        )}
      </div>
      {props.partnerField}
      {(offers || props.offerField) && (
        <OfferEventRow
          id={id}
          value={value}
          offers={offers}
          offerField={props.offerField}
          loadEvents={loadEvents}
          errors={errors}
          onChange={set}
        />
      )}
      {isPostback && (
        <>
          <UrlField
            id={`${id}-url`}
            label={i18n.t('form.url.label')}
            value={value.postbackUrl}
            onInput={(postbackUrl) => set({ postbackUrl })}
            tokens={check.tokens}
            invalid={Boolean(errors.postbackUrl) || (value.postbackUrl !== '' && !check.valid)}
            describedBy={urlDescribed || undefined}
            inputRef={urlRef}
          />
          <FieldError id={`${id}-url-error`} message={errors.postbackUrl} />
          <MacroPicker pixelType={value.pixelType} onInsert={insertMacro} />
          {value.postbackUrl !== '' && <FindingsList id={`${id}-findings`} result={check} onFix={fix} />}
          <UrlPreview url={value.postbackUrl} pixelType={value.pixelType} />
        </>
      )}
      {isHtml && (
        <div class="field">
          <label for={`${id}-html`}>{i18n.t('form.html.label')}</label>
          <textarea
            id={`${id}-html`}
            ref={htmlRef}
            class="code"
            rows={6}
            spellcheck={false}
            value={value.htmlCode}
            aria-invalid={errors.htmlCode ? 'true' : undefined}
            aria-describedby={`${id}-html-hint${errors.htmlCode ? ` ${id}-html-error` : ''}${htmlCheck ? ` ${id}-html-findings` : ''}`}
            onInput={(e) => set({ htmlCode: (e.currentTarget as HTMLTextAreaElement).value })}
          />
          <p class="hint" id={`${id}-html-hint`}>
            {i18n.t('form.html.hint')}
          </p>
          <FieldError id={`${id}-html-error`} message={errors.htmlCode} />
          <MacroPicker pixelType={value.pixelType} onInsert={insertMacro} />
          {htmlCheck && <HtmlFindings id={`${id}-html-findings`} result={htmlCheck} onFix={fixHtml} />}
        </div>
      )}
      {!isPostback &&
        !isHtml &&
        renderIntegration?.(
          value.deliveryMethod,
          value.integration,
          (integration) => set({ integration }),
          props.integrationErrors ?? {},
        )}
      {!isPostback && !isHtml && errors.integration && (
        <FieldError id={`${id}-integration-error`} message={errors.integration} />
      )}
      {isPostback && !hide.delay && (
        <DelayField
          id={`${id}-delay`}
          value={value.delaySeconds}
          onInput={(delaySeconds) => set({ delaySeconds })}
          error={errors.delaySeconds}
        />
      )}
      {side === 'network' && !hide.description && (
        <DescriptionField
          id={`${id}-description`}
          value={value.description ?? ''}
          onInput={(description) => set({ description })}
        />
      )}
    </div>
  );
}
