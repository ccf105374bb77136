import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { renamingFields, SavingForm, useSavingForm } from '../../components/saving-form';
import { EMAIL_CHOICES, NOTIFICATION_READS, type TNotificationPreferences } from './types';
import './notifications.css';

const PREFERENCES = '/api/notifications/preferences';

/**
 * How the user wants e-mail about each kind of notification: at once, a daily or weekly summary,
 * or none. Every notification e-mail links here. When the installation sends no e-mail the page
 * says so, and the choices are kept for when it does.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const prefs = useApiQuery<TNotificationPreferences>(PREFERENCES);
  return (
    <>
      <p>
        <Link to="/aviseringar">{t('notifications.settings.back')}</Link>
      </p>
      <PageHeading title={t('notifications.settings.title')}>{t('notifications.settings.title')}</PageHeading>
      <p className="lead">{t('notifications.settings.lead')}</p>
      <QueryState query={prefs}>
        {(p) => (
          <>
            {p.emailEnabled ? (
              <p>{t('notifications.settings.address', { address: p.address })}</p>
            ) : (
              <div className="panel">
                <p>
                  <strong>{t('notifications.settings.emailOff')}</strong> {t('notifications.settings.emailOffMore')}
                </p>
              </div>
            )}
            {p.kinds.length === 0 ? <EmptyState>{t('notifications.settings.none')}</EmptyState> : <PreferencesForm prefs={p} />}
          </>
        )}
      </QueryState>
    </>
  );
}

function PreferencesForm({ prefs }: { prefs: TNotificationPreferences }) {
  const { t } = useTranslation();
  // One field per kind the server offers, named by the kind: { followup_due: 'daily', … }.
  const schema = useMemo(
    () => z.object(Object.fromEntries(prefs.kinds.map((k) => [k.kind, z.enum(EMAIL_CHOICES, { error: t('notifications.settings.pick', { label: k.label }) })]))),
    [prefs.kinds, t],
  );
  const defaultValues = Object.fromEntries(prefs.kinds.map((k) => [k.kind, k.email]));
  const f = useSavingForm(schema, { idPrefix: 'email', defaultValues }, NOTIFICATION_READS);
  // The server names a refused choice `kinds.<kind>`: the form's field is `<kind>`.
  const names = Object.fromEntries(prefs.kinds.map((k) => [`kinds.${k.kind}`, k.kind]));
  const submit = f.submit(async (kinds) => {
    try {
      await f.save.mutateAsync({ method: 'PUT', path: PREFERENCES, body: { kinds } });
    } catch (err) {
      throw renamingFields(err, names);
    }
  });
  return (
    <SavingForm form={f} onSubmit={submit} label={t('notifications.settings.legend')} submitLabel={t('notifications.settings.save')} savedNotice={t('notifications.settings.saved')}>
      {prefs.kinds.map((k) => (
        <KindChoices key={k.kind} id={`email-${k.kind}`} legend={k.label} description={k.description} error={f.errors[k.kind]} register={f.form.register(k.kind)} />
      ))}
    </SavingForm>
  );
}

/** One kind's fieldset: its label as the legend, its description under it, four radio buttons. */
function KindChoices({ id, legend, description, error, register }: { id: string; legend: string; description: string; error?: string; register: UseFormRegisterReturn }) {
  const { t } = useTranslation();
  const described = [description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'fieldset email-kind email-kind--error' : 'fieldset email-kind'} aria-describedby={described}>
      <legend>{legend}</legend>
      {description && (
        <p className="hint" id={`${id}-hint`}>
          {description}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      <div className="email-choices">
        {EMAIL_CHOICES.map((choice, i) => {
          // The first option carries the field's id: the error summary links to it.
          const optionId = i === 0 ? id : `${id}-${choice}`;
          return (
            <div className="email-choice" key={choice}>
              <input type="radio" id={optionId} value={choice} aria-invalid={error ? true : undefined} {...register} />
              <label htmlFor={optionId}>{t(`notifications.settings.choices.${choice}`)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
