import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CALLER_TYPES, HELPLINE_TOPICS } from '@shared/domain/hub/helpline';
import { ENVIRONMENTS } from '@shared/domain/situation/categories';
import { ZHelplineRequest, type THelplineContact, type THelplineSummary } from '@shared/modules/hub/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog, EmptyState, Notice } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { formatDay } from '../../format/dates';
import { NameConfirmation, TextAreaField, useNameConfirmation, withGuard } from '../situation/fields';
import { useBoardsFor } from '../../components/use-boards';
import './hub.css';

const HELPLINE_READS = ['/api/helpline-contacts', '/api/reports', '/api/situation'];
const thisYear = () => new Date().getFullYear();

/** The helpline's log: a call logged anonymously, this year's calls of the user's boards, and the counts per board. */
export function HelplinePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar')) || thisYear();
  return (
    <>
      <PageHeading title={t('hub.helpline.title')}>{t('hub.helpline.title')}</PageHeading>
      <p className="lead">{t('hub.helpline.lead')}</p>
      {can('helpline.create') && (
        <section className="panel hub-form" aria-labelledby="helpline-form-heading">
          <HelplineForm />
        </section>
      )}
      <form
        className="inline-fields"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ ar: String(new FormData(e.currentTarget).get('ar') ?? thisYear()) });
        }}
      >
        <div className="field">
          <label htmlFor="helpline-year">{t('hub.helpline.year')}</label>
          <input id="helpline-year" name="ar" type="number" min={2000} max={2100} defaultValue={year} key={year} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('hub.helpline.show')}
        </button>
      </form>
      {can('helpline.list') && <HelplineList year={year} />}
      {can('helpline.summary') && <HelplineSummary year={year} />}
    </>
  );
}

const ZForm = withGuard(ZHelplineRequest.omit({ confirmNoPersonalData: true }), ['note', 'referredTo']);

function HelplineForm() {
  const { t } = useTranslation();
  const { canEverywhere } = useSession();
  const boards = useBoardsFor('helpline.create');
  const central = canEverywhere('helpline.create');
  const names = useNameConfirmation();
  const today = new Date().toISOString().slice(0, 10);
  const empty = { contactedOn: today, callerType: '' as never, topic: '' as never, environment: '' as never, referredTo: '', note: '' };
  const f = useSavingForm(ZForm, { idPrefix: 'helpline', defaultValues: { boardId: central ? null : (boards[0]?.id ?? null), ...empty } }, HELPLINE_READS);
  const submit = f.submit(
    names.guard(f.form, async (v: THelplineFormValues) => {
      await f.save.mutateAsync({ method: 'POST', path: '/api/helpline-contacts', body: { ...v, boardId: v.boardId || null, referredTo: orNull(v.referredTo), note: orNull(v.note), ...names.extra } });
      f.form.reset({ boardId: v.boardId, ...empty });
    }),
  );
  const select = (name: 'callerType' | 'topic' | 'environment', values: readonly string[], label: (v: string) => string) => (
    <SelectField label={t(`hub.helpline.${name}`)} {...f.field(name)}>
      <option value="">{t('collab.choose')}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </SelectField>
  );

  return (
    <SavingForm form={f} onSubmit={submit} labelledBy="helpline-form-heading" heading={<h2 id="helpline-form-heading">{t('hub.helpline.formHeading')}</h2>} submitLabel={t('hub.helpline.submit')} savedNotice={t('hub.helpline.saved')}>
      <div className="inline-fields">
        <SelectField label={t('hub.helpline.board')} {...f.field('boardId', { setValueAs: (v: string) => v || null })}>
          {central && <option value="">{t('hub.helpline.central')}</option>}
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('hub.helpline.contactedOn')} {...f.field('contactedOn')} />
      </div>
      <div className="inline-fields">
        {select('callerType', CALLER_TYPES, (v) => t(`hub.helpline.callerTypes.${v}`))}
        {select('topic', HELPLINE_TOPICS, (v) => t(`hub.helpline.topics.${v}`))}
        {select('environment', ENVIRONMENTS, (v) => t(`situation.environments.${v}`))}
      </div>
      <TextField label={t('hub.helpline.referredTo')} hint={t('hub.helpline.referredToHint')} maxLength={300} {...f.field('referredTo', { onChange: names.changed })} />
      <TextAreaField label={t('hub.helpline.note')} hint={t('hub.helpline.noteHint')} rows={2} maxLength={1000} guard guardValue={f.form.watch('note') ?? ''} {...f.field('note', { onChange: names.changed })} />
      <NameConfirmation idPrefix="helpline" state={names} />
    </SavingForm>
  );
}
type THelplineFormValues = { boardId?: string | null; contactedOn: string; callerType: string; topic: string; environment: string; referredTo?: string | null; note?: string | null };

function HelplineList({ year }: { year: number }) {
  const { t } = useTranslation();
  const list = useApiQuery<THelplineContact[]>(`/api/helpline-contacts?year=${year}`);
  const remove = useApiMutation(HELPLINE_READS);
  const [asking, setAsking] = useState<THelplineContact | null>(null);
  return (
    <section aria-labelledby="helpline-list">
      <h2 id="helpline-list">{t('hub.helpline.listHeading', { year })}</h2>
      {remove.isSuccess && <Notice>{t('hub.helpline.removed')}</Notice>}
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>{t('hub.helpline.none')}</EmptyState>
          ) : (
            <DataTable
              caption={t('hub.helpline.listCaption')}
              hideCaption
              rows={rows}
              rowKey={(c) => c.id}
              pageSize={25}
              columns={[
                { key: 'date', header: t('hub.helpline.contactedOn'), rowHeader: true, cell: (c) => formatDay(c.contactedOn), sort: (c) => c.contactedOn },
                { key: 'board', header: t('hub.helpline.board'), cell: (c) => c.boardName ?? t('hub.helpline.central') },
                { key: 'caller', header: t('hub.helpline.callerType'), cell: (c) => t(`hub.helpline.callerTypes.${c.callerType}`) },
                { key: 'topic', header: t('hub.helpline.topic'), cell: (c) => t(`hub.helpline.topics.${c.topic}`) },
                { key: 'env', header: t('hub.helpline.environment'), cell: (c) => t(`situation.environments.${c.environment}`) },
                { key: 'ref', header: t('hub.helpline.referredTo'), cell: (c) => c.referredTo },
                { key: 'note', header: t('hub.helpline.note'), cell: (c) => c.note },
                {
                  key: 'remove',
                  header: <span className="visually-hidden">{t('hub.helpline.remove')}</span>,
                  cell: (c) => (
                    <button type="button" className="button button--secondary button--small" aria-label={t('hub.helpline.removeLabel', { date: formatDay(c.contactedOn) })} onClick={() => setAsking(c)}>
                      {t('hub.helpline.remove')}
                    </button>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <ConfirmDialog
        open={asking !== null}
        title={t('hub.helpline.removeTitle', { date: asking ? formatDay(asking.contactedOn) : '' })}
        confirmLabel={t('hub.helpline.remove')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const c = asking!;
          setAsking(null);
          remove.mutate({ method: 'DELETE', path: `/api/helpline-contacts/${c.id}` });
        }}
      >
        <p>{t('hub.helpline.removeText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function HelplineSummary({ year }: { year: number }) {
  const { t } = useTranslation();
  const q = useApiQuery<THelplineSummary>(`/api/helpline-contacts/summary?year=${year}`);
  return (
    <section aria-labelledby="helpline-summary">
      <h2 id="helpline-summary">{t('hub.helpline.summaryHeading', { year })}</h2>
      <QueryState query={q}>
        {(s) => {
          type Row = THelplineSummary['totals'];
          const rows: Row[] = [...s.boards, { ...s.totals, boardName: t('hub.helpline.allBoards') }];
          return (
            <>
              <p className="hub-meta">{s.legend}</p>
              <DataTable
                caption={t('hub.helpline.summaryCaption')}
                rows={rows}
                rowKey={(r) => r.boardId ?? `total-${r.boardName}`}
                columns={[
                  { key: 'board', header: t('hub.helpline.board'), rowHeader: true, cell: (r) => r.boardName },
                  { key: 'total', header: t('hub.helpline.total'), numeric: true, cell: (r) => r.total },
                  ...CALLER_TYPES.map((c) => ({ key: c, header: t(`hub.helpline.callerTypes.${c}`), numeric: true, cell: (r: Row) => r.byCallerType[c] ?? 0 })),
                  ...ENVIRONMENTS.map((e) => ({ key: e, header: t(`situation.environments.${e}`), numeric: true, cell: (r: Row) => r.byEnvironment[e] ?? 0 })),
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
