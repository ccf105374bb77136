import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { APPLICATION_STATUSES, GRANT_KINDS } from '@shared/domain/grants/vetting';
import { ZCreateApplicationRequest } from '@shared/modules/grants/schema';
import type { TPartner } from '@shared/modules/collaboration/schema';
import type { TBoard } from '@shared/modules/orgs/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { SavingForm, useSavingForm } from '../../components/saving-form';
import { ScrollTable } from '../../components/ScrollTable';
import { NameConfirmation, TextAreaField, useNameConfirmation } from '../situation/fields';
import { asKronor, FollowUpTag, GRANT_READS, GrantStatusTag, RadioGroup, useKronor, type TGrantApplication } from './shared';

const isStatus = (s: string | null): s is TGrantApplication['status'] => !!s && (APPLICATION_STATUSES as readonly string[]).includes(s);

/** Every application on the boards the user reads, filtered by board and status, and the form to register one. */
export function GrantsPage() {
  const { t } = useTranslation();
  const { can, scopeOf } = useSession();
  const [params, setParams] = useSearchParams();
  const boardId = params.get('namnd');
  const status = isStatus(params.get('status')) ? params.get('status') : null;
  const query = new URLSearchParams({ ...(boardId ? { boardId } : {}), ...(status ? { status } : {}) }).toString();
  const applications = useApiQuery<TGrantApplication[]>(`/api/grant-applications${query ? `?${query}` : ''}`);
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const scope = scopeOf('grant_applications.list');
  const choosable = (boards.data ?? []).filter((b) => scope === 'all' || scope.includes(b.id));
  const kronor = useKronor();

  return (
    <>
      <PageHeading title={t('grants.title')}>{t('grants.title')}</PageHeading>
      <p className="lead">{t('grants.lead')}</p>
      <p>
        <Link to="/samverkan/bidrag/kriterier">{t('grants.criteriaLink')}</Link>
      </p>
      <form
        className="inline-fields"
        aria-label={t('grants.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next: Record<string, string> = {};
          for (const name of ['namnd', 'status']) {
            const v = String(data.get(name) ?? '');
            if (v) next[name] = v;
          }
          setParams(next);
        }}
      >
        {choosable.length > 1 && (
          <div className="field">
            <label htmlFor="grants-board">{t('grants.board')}</label>
            <select id="grants-board" name="namnd" defaultValue={boardId ?? ''} key={boardId ?? 'all'}>
              <option value="">{t('grants.allBoards')}</option>
              {choosable.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="grants-status">{t('grants.status')}</label>
          <select id="grants-status" name="status" defaultValue={status ?? ''} key={status ?? 'all'}>
            <option value="">{t('grants.allStatuses')}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`grants.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('grants.show')}
        </button>
      </form>
      <QueryState query={applications}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('grants.none')}</EmptyState>
          ) : (
            <ScrollTable label={t('grants.tableCaption')}>
              <table className="table">
                <caption>{t('grants.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('grants.organisation')}</th>
                    <th scope="col">{t('grants.board')}</th>
                    <th scope="col">{t('grants.kind')}</th>
                    <th scope="col" className="grants-amount">
                      {t('grants.amount')}
                    </th>
                    <th scope="col">{t('grants.receivedOn')}</th>
                    <th scope="col">{t('grants.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/samverkan/bidrag/${a.id}`}>{a.organisation}</Link>
                      </th>
                      <td>{a.boardName}</td>
                      <td>{t(`grants.kinds.${a.kind}`)}</td>
                      <td className="grants-amount">{kronor(a.amount)}</td>
                      <td>{a.receivedOn}</td>
                      <td>
                        <GrantStatusTag status={a.status} /> <FollowUpTag application={a} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </QueryState>
      {can('grant_applications.create') && boards.data && <NewApplicationForm boards={boards.data} />}
    </>
  );
}

const S = ZCreateApplicationRequest.shape;
const ZNewApplicationForm = z.object({
  boardId: S.boardId,
  partnerId: z.string(),
  organisation: S.organisation,
  kind: S.kind,
  amount: z.preprocess(asKronor, S.amount),
  purpose: S.purpose,
  confirmNoPersonalData: z.unknown().optional(),
});

/** A coordinator registers an application that came in: board, organisation, grant or premises, amount and purpose. */
function NewApplicationForm({ boards }: { boards: TBoard[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { scopeOf } = useSession();
  const scope = scopeOf('grant_applications.create');
  const mine = boards.filter((b) => scope === 'all' || scope.includes(b.id));
  const partners = useApiQuery<TPartner[]>('/api/partners');
  const names = useNameConfirmation();
  const f = useSavingForm(
    ZNewApplicationForm,
    {
      idPrefix: 'grant',
      defaultValues: { boardId: mine.length === 1 ? mine[0]!.id : '', partnerId: '', organisation: '', kind: 'grant', amount: '' as unknown as number, purpose: '', confirmNoPersonalData: undefined },
    },
    GRANT_READS,
  );

  const submit = f.submit(
    names.guard(f.form, async ({ partnerId, amount, confirmNoPersonalData: _, ...v }) => {
      const body = { ...v, partnerId: partnerId || null, amount: amount ?? null, ...names.extra };
      const created = (await f.save.mutateAsync({ method: 'POST', path: '/api/grant-applications', body })) as TGrantApplication;
      navigate(`/samverkan/bidrag/${created.id}`);
    }),
  );

  return (
    <section className="panel" aria-labelledby="grant-new-heading">
      <SavingForm form={f} onSubmit={submit} labelledBy="grant-new-heading" heading={<h2 id="grant-new-heading">{t('grants.new.heading')}</h2>} submitLabel={t('grants.new.submit')}>
        <SelectField label={t('grants.new.board')} {...f.field('boardId')}>
          <option value="">{t('grants.new.choose')}</option>
          {mine.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        {(partners.data?.length ?? 0) > 0 && (
          <SelectField
            label={t('grants.new.partner')}
            hint={t('grants.new.partnerHint')}
            {...f.field('partnerId', {
              onChange: (e: { target: { value: string } }) => {
                const partner = partners.data?.find((p) => p.id === e.target.value);
                if (partner && !f.form.getValues('organisation')) f.form.setValue('organisation', partner.name);
              },
            })}
          >
            <option value="">{t('grants.new.noPartner')}</option>
            {partners.data!.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.typeLabel})
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={t('grants.new.organisation')} maxLength={300} autoComplete="organization" {...f.field('organisation')} />
        <RadioGroup
          id="grant-kind"
          legend={t('grants.new.kindLegend')}
          error={f.errors.kind}
          options={GRANT_KINDS.map((k) => ({ value: k, label: t(`grants.kinds.${k}`) }))}
          register={f.form.register('kind')}
        />
        <TextField label={t('grants.new.amount')} hint={t('grants.new.amountHint')} inputMode="numeric" className="input--short" {...f.field('amount')} />
        <TextAreaField
          label={t('grants.new.purpose')}
          hint={t('grants.new.purposeHint')}
          guard
          guardSubject="ansökan"
          guardValue={f.form.watch('purpose')}
          rows={4}
          maxLength={4000}
          {...f.field('purpose', { onChange: names.changed })}
        />
        <NameConfirmation idPrefix="grant" state={names} />
      </SavingForm>
    </section>
  );
}
