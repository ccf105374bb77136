import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONCERN_TYPES, ENVIRONMENTS, todayInSweden } from '@shared/domain/situation/categories';
import { ZCreateConcernRequest, type TConcernReceipt } from '@shared/modules/situation/schema';
import type { TBoard, TUnit } from '../../api/types';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../../auth/session';
import { useBoardChoice } from './components';
import { CheckboxField, GuardedInput, NameConfirmation, TextAreaField, useNameConfirmation, withGuard } from './fields';

/** The free texts the guard checks before the report leaves the browser (the server checks them again). */
const ZConcernForm = withGuard(ZCreateConcernRequest, ['description', 'actionTaken', 'area']);
/** A blank select or text is "not given" for the optional fields. */
const orNull = (v: unknown) => (v === '' ? null : v);

/** "Rapportera oro": any staff member files a de-identified concern or incident report. */
export function ConcernFormPage() {
  const { t } = useTranslation();
  const choice = useBoardChoice('concerns.create');
  const [receipt, setReceipt] = useState<TConcernReceipt | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (receipt) doneRef.current?.focus();
  }, [receipt]);

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
      <QueryState query={choice.boards}>{() => <ConcernForm allowed={choice.allowed} defaultBoard={choice.board} onSent={setReceipt} />}</QueryState>
    </>
  );
}

function ConcernForm({ allowed, defaultBoard, onSent }: { allowed: TBoard[]; defaultBoard?: TBoard; onSent(r: TConcernReceipt): void }) {
  const { t } = useTranslation();
  const save = useApiMutation<TConcernReceipt>(['/api/concerns', '/api/situation']);
  const names = useNameConfirmation();
  const { me } = useSession();
  const ownUnit = me?.user.unitId ?? null;
  // Prefilled: today in Swedish time and the writer's own unit; both can be changed.
  const f = useApiForm(ZConcernForm, {
    idPrefix: 'concern',
    defaultValues: {
      boardId: defaultBoard?.id ?? '',
      occurredOn: todayInSweden(),
      area: '',
      reportingUnitId: ownUnit,
      type: '' as never,
      environment: '' as never,
      description: '',
      actionTaken: '',
      forwardedToSocialServices: false,
      forwardedToPolice: false,
    },
    fallback: 'description',
  });
  const boardId = f.form.watch('boardId');
  const units = useApiQuery<TUnit[]>(boardId ? `/api/boards/${boardId}/units` : null);
  const [area, description, actionTaken] = f.form.watch(['area', 'description', 'actionTaken']);
  const { getValues, setValue } = f.form;
  useEffect(() => {
    // Once the board's units are listed, the select shows the chosen unit; a unit of another board
    // (after changing board) gives way to the writer's own unit there, or to none.
    if (!units.data) return;
    const ids = units.data.map((u) => u.id);
    const current = getValues('reportingUnitId');
    setValue('reportingUnitId', current && ids.includes(current) ? current : ownUnit && ids.includes(ownUnit) ? ownUnit : null);
  }, [units.data, getValues, setValue, ownUnit]);

  const submit = f.onSubmit(
    names.guard(f.form, async (body) => {
      onSent(await save.mutateAsync({ method: 'POST', path: '/api/concerns', body: { ...body, ...names.extra } }));
    }),
  );

  return (
    <>
      <ErrorSummary errors={f.errors} idPrefix="concern" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          {allowed.length > 1 ? (
            <SelectField label={t('situation.concern.board')} {...f.field('boardId')}>
              {allowed.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          ) : (
            defaultBoard && (
              <p>
                <strong>{t('situation.concern.board')}:</strong> {defaultBoard.name}
              </p>
            )
          )}
          <TextField label={t('situation.concern.occurredOn')} hint={t('situation.concern.occurredOnHint')} type="date" max={todayInSweden()} {...f.field('occurredOn')} />
          <GuardedInput label={t('situation.concern.area')} hint={t('situation.concern.areaHint')} guardValue={area ?? ''} {...f.field('area', { onChange: names.changed, setValueAs: orNull })} />
          <SelectField label={t('situation.concern.unit')} {...f.field('reportingUnitId', { setValueAs: orNull })}>
            <option value="">{t('situation.concern.noUnit')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('situation.type')} {...f.field('type')}>
            <option value="">{t('situation.concern.choose')}</option>
            {CONCERN_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`situation.types.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('situation.environment')} hint={t('situation.concern.environmentHint')} {...f.field('environment')}>
            <option value="">{t('situation.concern.choose')}</option>
            {ENVIRONMENTS.map((k) => (
              <option key={k} value={k}>
                {t(`situation.environments.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('situation.concern.description')}
            hint={t('situation.concern.descriptionHint')}
            guard
            guardValue={description}
            maxLength={4000}
            {...f.field('description', { onChange: names.changed })}
          />
          <TextAreaField
            label={t('situation.concern.actionTaken')}
            hint={t('situation.concern.actionTakenHint')}
            guard
            guardValue={actionTaken ?? ''}
            rows={3}
            maxLength={2000}
            {...f.field('actionTaken', { onChange: names.changed, setValueAs: orNull })}
          />
          <fieldset className="fieldset">
            <legend>{t('situation.concern.forwarded')}</legend>
            <CheckboxField id="concern-social" label={t('situation.concern.social')} {...f.form.register('forwardedToSocialServices')} />
            <CheckboxField id="concern-police" label={t('situation.concern.police')} {...f.form.register('forwardedToPolice')} />
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
