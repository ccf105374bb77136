import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TUnit } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { Loading } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { CONCERN_TYPES, ENVIRONMENTS, isIsoDate, todayInSweden } from '../../../../src/domain/situation/categories';
import type { TConcernReceipt } from '../../../../src/modules/situation/schema';
import { useBoardChoice } from './components';
import { CheckboxField, GuardedInput, NameConfirmation, TextAreaField, useNameConfirmation } from './fields';

const FIELDS = ['boardId', 'occurredOn', 'area', 'reportingUnitId', 'type', 'environment', 'description', 'actionTaken'];

const empty = { occurredOn: '', area: '', reportingUnitId: '', type: '', environment: '', description: '', actionTaken: '', social: false, police: false };

/** "Rapportera oro": any staff member files a de-identified concern or incident report. */
export function ConcernFormPage() {
  const { t } = useTranslation();
  const choice = useBoardChoice('concerns.create');
  const [boardId, setBoardId] = useState('');
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [receipt, setReceipt] = useState<TConcernReceipt | null>(null);
  const board = boardId || choice.board?.id || '';
  const units = useQuery<TUnit[]>(board ? `/api/boards/${board}/units` : null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const names = useNameConfirmation();
  const set = (k: keyof typeof empty) => (v: string | boolean) => {
    if (k === 'description' || k === 'actionTaken' || k === 'area') names.changed();
    setForm((f) => ({ ...f, [k]: v }));
  };

  useEffect(() => {
    if (receipt) doneRef.current?.focus();
  }, [receipt]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!board) local.boardId = t('situation.concern.boardMissing');
    if (!isIsoDate(form.occurredOn)) local.occurredOn = t('situation.concern.dateMissing');
    else if (form.occurredOn > todayInSweden()) local.occurredOn = t('situation.concern.dateFuture');
    if (!form.type) local.type = t('situation.concern.typeMissing');
    if (!form.environment) local.environment = t('situation.concern.environmentMissing');
    if (!form.description.trim()) local.description = t('situation.concern.descriptionMissing');
    // The same check the server runs: refuse before sending.
    for (const p of checkFields({ description: form.description, actionTaken: form.actionTaken, area: form.area })) local[p.field] ??= p.message;
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const r = await api<TConcernReceipt>('POST', '/api/concerns', {
        boardId: board,
        occurredOn: form.occurredOn,
        type: form.type,
        environment: form.environment,
        description: form.description.trim(),
        actionTaken: form.actionTaken.trim() || null,
        area: form.area.trim() || null,
        reportingUnitId: form.reportingUnitId || null,
        forwardedToSocialServices: form.social,
        forwardedToPolice: form.police,
        ...names.extra,
      });
      setReceipt(r);
      setForm(empty);
      names.clear();
    } catch (err) {
      setErrors(names.errorsFrom(err, FIELDS, 'description', t));
    } finally {
      setSaving(false);
    }
  }

  if (receipt) {
    return (
      <>
        <PageHeading title={t('situation.concern.title')}>{t('situation.concern.title')}</PageHeading>
        <div className="notice" role="status">
          <h2 ref={doneRef} tabIndex={-1}>
            {t('situation.concern.sentHeading')}
          </h2>
          <p>{t('situation.concern.sent')}</p>
        </div>
        <button type="button" className="button" onClick={() => setReceipt(null)}>
          {t('situation.concern.another')}
        </button>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('situation.concern.title')}>{t('situation.concern.title')}</PageHeading>
      <p className="lead">{t('situation.concern.lead')}</p>
      <section className="privacy-box" aria-labelledby="concern-privacy">
        <h2 id="concern-privacy">{t('situation.concern.privacyHeading')}</h2>
        <p>{t('situation.concern.privacy')}</p>
        <p>{t('situation.concern.privacyPerson')}</p>
      </section>
      {choice.loading && <Loading />}
      <ErrorSummary errors={errors} idPrefix="concern" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          {choice.allowed.length > 1 ? (
            <SelectField id="concern-boardId" label={t('situation.concern.board')} value={board} error={errors.boardId} onChange={(e) => setBoardId(e.target.value)}>
              {choice.allowed.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          ) : (
            choice.board && (
              <p>
                <strong>{t('situation.concern.board')}:</strong> {choice.board.name}
              </p>
            )
          )}
          <TextField
            id="concern-occurredOn"
            label={t('situation.concern.occurredOn')}
            hint={t('situation.concern.occurredOnHint')}
            type="date"
            max={todayInSweden()}
            value={form.occurredOn}
            error={errors.occurredOn}
            onChange={(e) => set('occurredOn')(e.target.value)}
          />
          <GuardedInput id="concern-area" label={t('situation.concern.area')} hint={t('situation.concern.areaHint')} value={form.area} error={errors.area} onChange={set('area')} />
          <SelectField id="concern-reportingUnitId" label={t('situation.concern.unit')} value={form.reportingUnitId} error={errors.reportingUnitId} onChange={(e) => set('reportingUnitId')(e.target.value)}>
            <option value="">{t('situation.concern.noUnit')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="concern-type" label={t('situation.type')} value={form.type} error={errors.type} onChange={(e) => set('type')(e.target.value)}>
            <option value="">{t('situation.concern.choose')}</option>
            {CONCERN_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`situation.types.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="concern-environment"
            label={t('situation.environment')}
            hint={t('situation.concern.environmentHint')}
            value={form.environment}
            error={errors.environment}
            onChange={(e) => set('environment')(e.target.value)}
          >
            <option value="">{t('situation.concern.choose')}</option>
            {ENVIRONMENTS.map((k) => (
              <option key={k} value={k}>
                {t(`situation.environments.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="concern-description"
            label={t('situation.concern.description')}
            hint={t('situation.concern.descriptionHint')}
            value={form.description}
            error={errors.description}
            guard
            maxLength={4000}
            onChange={(e) => set('description')(e.target.value)}
          />
          <TextAreaField
            id="concern-actionTaken"
            label={t('situation.concern.actionTaken')}
            hint={t('situation.concern.actionTakenHint')}
            value={form.actionTaken}
            error={errors.actionTaken}
            guard
            rows={3}
            maxLength={2000}
            onChange={(e) => set('actionTaken')(e.target.value)}
          />
          <fieldset className="fieldset">
            <legend>{t('situation.concern.forwarded')}</legend>
            <CheckboxField id="concern-social" label={t('situation.concern.social')} checked={form.social} onChange={set('social')} />
            <CheckboxField id="concern-police" label={t('situation.concern.police')} checked={form.police} onChange={set('police')} />
          </fieldset>
          <NameConfirmation idPrefix="concern" state={names} />
          <button type="submit" className="button">
            {t('situation.concern.submit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
