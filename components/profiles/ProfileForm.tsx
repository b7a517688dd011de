import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { ProfileInput, ProfileView } from '../../lib/model/profile';
import type { Result } from '../../lib/result';
import { DraftForm } from '../drafts/DraftForm';
import { type DraftStore, useDraft } from '../drafts/use-draft';
import { FieldError } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { KeyField } from './KeyField';
import type { PermissionsApi } from './permissions';
import {
  emptyProfile,
  hostChanged,
  neededOrigin,
  type ProfileFormValue,
  parseProfileDraft,
  profileToValue,
  toProfileInput,
} from './profile-value';

export interface ProfileFormProps {
  /** The profile being edited; absent when adding one. */
  editing?: ProfileView;
  save: (input: ProfileInput) => Promise<Result<ProfileView, AppError>>;
  permissions: PermissionsApi;
  drafts: DraftStore;
  onSaved: (profile: ProfileView) => void;
  onCancel: () => void;
  /** A save starts: the screen drops banners of earlier actions. */
  onStart?: () => void;
}

type Status =
  | { kind: 'idle' }
  /** The browser shows its host-permission prompt; nothing is checked until it is answered. */
  | { kind: 'asking'; host: string }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; field?: string | undefined; errorKind?: string | undefined };

const FIELDS = ['name', 'apiKey', 'role', 'region', 'customBaseUrl', 'portalDomains'] as const;

/**
 * Add or edit a profile. Saving asks for the API host's permission first (from the click itself), then sends
 * the profile to the background, which checks the key with Everflow before storing anything. A failure shows
 * the background's specific reason next to the field it is about and keeps everything typed.
 */
export function ProfileForm({
  editing,
  save,
  permissions,
  drafts,
  onSaved,
  onCancel,
  onStart,
}: ProfileFormProps) {
  const id = useId();
  const initial = editing ? profileToValue(editing) : emptyProfile();
  const [value, setValue] = useState<ProfileFormValue>(initial);
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useDraft({
    store: drafts,
    formId: `options.profile:${editing?.id ?? 'new'}`,
    value,
    parse: parseProfileDraft,
    onRestore: setValue,
  });

  // The form replaces the control that opened it: start keyboard users in its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  // Know ahead of the click whether the host is already allowed: the click may not await before asking.
  const origin = neededOrigin(value);
  useEffect(() => {
    if (!origin || granted[origin] !== undefined) return;
    let live = true;
    permissions
      .contains([origin])
      .then((yes) => live && setGranted((g) => ({ ...g, [origin]: yes })))
      .catch(() => live && setGranted((g) => ({ ...g, [origin]: false })));
    return () => {
      live = false;
    };
  }, [origin, granted, permissions]);

  // A new region or API address needs the key again (the stored one stays with its own host).
  const keyNeeded = !editing || hostChanged(editing, value);
  const set = (patch: Partial<ProfileFormValue>) => setValue((v) => ({ ...v, ...patch }));
  const fail = (message: string, field?: string, errorKind?: string) => {
    setStatus({ kind: 'error', message, field, errorKind });
    const target = field && formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`);
    (target || formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  };

  const submit = (v: ProfileFormValue) => {
    if (status.kind === 'saving' || status.kind === 'asking') return;
    onStart?.();
    if (!v.name.trim()) return fail(i18n.t('profiles.form.nameRequired'), 'name');
    if (keyNeeded && !apiKey.trim()) {
      return fail(i18n.t(editing ? 'profiles.form.keyHostChanged' : 'profiles.form.keyRequired'), 'apiKey');
    }
    // Before any await: the permission prompt needs the user's gesture (the checks above are synchronous).
    const asking = origin && !granted[origin];
    const ask = asking ? askFor(permissions, origin) : Promise.resolve<true | string>(true);
    // While the browser's prompt is open the form says so: the key is not being checked yet.
    setStatus(asking ? { kind: 'asking', host: hostOf(origin) } : { kind: 'saving' });
    ask
      .then(async (allowed) => {
        if (allowed !== true) return fail(allowed, 'region');
        if (origin) setGranted((g) => ({ ...g, [origin]: true }));
        setStatus({ kind: 'saving' });
        const r = await save(toProfileInput(v, apiKey, editing?.id));
        if (!r.ok) return fail(r.error.message, r.error.field, r.error.kind);
        await draft.clear();
        setStatus({ kind: 'idle' });
        onSaved(r.value);
      })
      .catch(() => fail(i18n.t('profiles.form.failed')));
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    submit(value);
  };
  // A key of the other realm: one click saves the profile as the kind the key is (issue 15.5).
  const otherRole = value.role === 'affiliate' ? 'network' : 'affiliate';
  const saveAsOther = () => {
    const next = { ...value, role: otherRole } as const;
    setValue(next);
    submit(next);
  };

  const err = (field: (typeof FIELDS)[number]) =>
    status.kind === 'error' && status.field === field ? status.message : undefined;
  const describedBy = (field: string, hint?: boolean) =>
    [hint && `${id}-${field}-hint`, err(field as (typeof FIELDS)[number]) && `${id}-${field}-error`]
      .filter(Boolean)
      .join(' ') || undefined;
  const saving = status.kind === 'saving';
  // An error about a field shows next to that field only; the box is for errors about no field on screen.
  const onScreen = (field: string | undefined) =>
    field !== undefined &&
    (FIELDS as readonly string[]).includes(field) &&
    (field !== 'customBaseUrl' || value.region === 'custom');
  const boxError = status.kind === 'error' && !onScreen(status.field) ? status.message : undefined;
  const realmError = status.kind === 'error' && status.errorKind === 'realm';
  return (
    <DraftForm
      id={id}
      title={editing ? i18n.t('profiles.form.editTitle', [editing.name]) : i18n.t('profiles.form.addTitle')}
      formRef={formRef}
      onSubmit={onSubmit}
      draft={draft}
      initial={initial}
      setValue={setValue}
    >
      <div class="field">
        <label for={`${id}-name`}>{i18n.t('profiles.form.name')}</label>
        <input
          id={`${id}-name`}
          data-field="name"
          type="text"
          autocomplete="off"
          value={value.name}
          aria-invalid={err('name') ? 'true' : undefined}
          aria-describedby={describedBy('name', true)}
          onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })}
        />
        <p class="hint" id={`${id}-name-hint`}>
          {i18n.t('profiles.form.nameHint')}
        </p>
        <FieldError id={`${id}-name-error`} message={err('name')} />
      </div>
      <fieldset class="field" data-field="role" tabIndex={-1} aria-describedby={describedBy('role')}>
        <legend>{i18n.t('profiles.form.role')}</legend>
        {(['affiliate', 'network'] as const).map((role) => (
          <label key={role} class="choice">
            <input
              type="radio"
              name={`${id}-role`}
              value={role}
              checked={value.role === role}
              onChange={() => set({ role })}
            />{' '}
            {role === 'affiliate' ? i18n.t('profiles.role.affiliate') : i18n.t('profiles.role.network')}
          </label>
        ))}
        <FieldError id={`${id}-role-error`} message={err('role')} />
        {realmError && (
          <button type="button" class="button button--small" onClick={saveAsOther}>
            {otherRole === 'network'
              ? i18n.t('profiles.form.saveAsNetwork')
              : i18n.t('profiles.form.saveAsAffiliate')}
          </button>
        )}
      </fieldset>
      <KeyField
        id={`${id}-key`}
        value={apiKey}
        onInput={setApiKey}
        maskedKey={editing?.hasKey && !keyNeeded ? editing.maskedKey : undefined}
        role={value.role}
        {...(editing && keyNeeded && err('apiKey') !== i18n.t('profiles.form.keyHostChanged')
          ? { hint: i18n.t('profiles.form.keyHostChanged') }
          : {})}
        error={err('apiKey')}
      />
      <div class="field">
        <label for={`${id}-region`}>{i18n.t('profiles.form.region')}</label>
        <select
          id={`${id}-region`}
          data-field="region"
          value={value.region}
          aria-invalid={err('region') ? 'true' : undefined}
          aria-describedby={describedBy('region', true)}
          onChange={(e) =>
            set({ region: (e.currentTarget as HTMLSelectElement).value as ProfileFormValue['region'] })
          }
        >
          <option value="us">{i18n.t('profiles.region.us')}</option>
          <option value="eu">{i18n.t('profiles.region.eu')}</option>
          <option value="custom">{i18n.t('profiles.region.custom')}</option>
        </select>
        <p class="hint" id={`${id}-region-hint`}>
          {value.region === 'us'
            ? i18n.t('profiles.form.regionHint')
            : i18n.t('profiles.form.permissionHint')}
        </p>
        <FieldError id={`${id}-region-error`} message={err('region')} />
      </div>
      {value.region === 'custom' && (
        <div class="field">
          <label for={`${id}-base`}>{i18n.t('profiles.form.baseUrl')}</label>
          <input
            id={`${id}-base`}
            data-field="customBaseUrl"
            type="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="https://api.example.com/v1"
            value={value.customBaseUrl}
            aria-invalid={err('customBaseUrl') ? 'true' : undefined}
            aria-describedby={describedBy('customBaseUrl')}
            onInput={(e) => set({ customBaseUrl: (e.currentTarget as HTMLInputElement).value })}
          />
          <FieldError id={`${id}-customBaseUrl-error`} message={err('customBaseUrl')} />
        </div>
      )}
      <div class="field">
        <label for={`${id}-domains`}>{i18n.t('profiles.form.domains')}</label>
        <input
          id={`${id}-domains`}
          data-field="portalDomains"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={value.portalDomains}
          aria-invalid={err('portalDomains') ? 'true' : undefined}
          aria-describedby={describedBy('portalDomains', true)}
          onInput={(e) => set({ portalDomains: (e.currentTarget as HTMLInputElement).value })}
        />
        <p class="hint" id={`${id}-portalDomains-hint`}>
          {i18n.t('profiles.form.domainsHint')}
        </p>
        <FieldError id={`${id}-portalDomains-error`} message={err('portalDomains')} />
      </div>
      {boxError && (
        <p class="alert" role="alert" tabIndex={-1}>
          {boxError}
        </p>
      )}
      <p class="status" role="status">
        {status.kind === 'asking'
          ? i18n.t('profiles.form.asking', [status.host])
          : saving
            ? i18n.t('profiles.form.checking')
            : ''}
      </p>
      <FormActions
        submitLabel={i18n.t('profiles.form.save')}
        busy={saving || status.kind === 'asking'}
        cancelLabel={i18n.t('common.cancel')}
        onCancel={() => {
          void draft.clear();
          onCancel();
        }}
      />
    </DraftForm>
  );
}

/** The host of a permission origin pattern: `https://api.eflow.team/*` → `api.eflow.team`. */
function hostOf(origin: string): string {
  return origin.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** Ask for a host permission; resolves true, or a sentence saying why the host is still not allowed. */
function askFor(permissions: PermissionsApi, origin: string): Promise<true | string> {
  const host = hostOf(origin);
  let asked: Promise<boolean>;
  try {
    asked = permissions.request([origin]);
  } catch {
    return Promise.resolve(i18n.t('profiles.form.permissionError', [host]));
  }
  return asked.then(
    (yes) => (yes ? true : i18n.t('profiles.form.permissionDenied', [host])),
    () => i18n.t('profiles.form.permissionError', [host]),
  );
}
