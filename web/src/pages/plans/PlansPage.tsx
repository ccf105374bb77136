import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '@shared/modules/orgs/schema';
import { ZCreatePlanRequest } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { asNumber } from '../../components/form-errors';
import { EmptyState } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { CoverageMatrix, OverviewTable } from './PlansOverview';
import { currentYear, formatDate, PLAN_READS, StatusTag, type TOverview, type TPlan, type TPlanSummary } from './shared';

/** Plans list and overview: all boards × the year's plan, coverage matrix, and "Skapa plan". */
export function PlansPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [year, setYear] = useState(currentYear());
  const overview = useApiQuery<TOverview>(`/api/plans/overview?year=${year}`);
  const plans = useApiQuery<TPlanSummary[]>('/api/plans');
  const canCreate = can('plans.create');
  const years = Array.from({ length: currentYear() + 2 - 2018 }, (_, i) => 2018 + i).reverse();

  return (
    <>
      <PageHeading title={t('plans.title')}>{t('plans.title')}</PageHeading>
      <p className="lead">{t('plans.lead')}</p>
      <ul className="plans-links">
        <li>
          <Link to="/planer/anvisningar">{t('plans.instructions.title')}</Link>
        </li>
        <li>
          <Link to="/planer/styrdokument">{t('plans.guidelines.title')}</Link>
        </li>
        <li>
          <Link to="/planer/jamfor">{t('plans.compare.title')}</Link>
        </li>
      </ul>

      {canCreate && <CreatePlanForm />}

      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading">{t('plans.overview.heading', { year })}</h2>
        <div className="inline-fields">
          <SelectField id="overview-year" label={t('plans.overview.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <QueryState query={overview}>
          {(o) => (
            <>
              <OverviewTable overview={o} />
              <CoverageMatrix overview={o} />
            </>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="all-plans-heading">
        <h2 id="all-plans-heading">{t('plans.all.heading')}</h2>
        <QueryState query={plans}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('plans.all.empty')}</EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('plans.all.caption', { count: list.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('plans.board')}</th>
                      <th scope="col">{t('plans.year')}</th>
                      <th scope="col">{t('plans.statusLabel')}</th>
                      <th scope="col">{t('plans.activityCount')}</th>
                      <th scope="col">{t('plans.lastChange')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link to={`/planer/${p.id}`}>{t('plans.planName', { board: p.boardName, year: p.year })}</Link>
                        </td>
                        <td>{p.year}</td>
                        <td>
                          <StatusTag status={p.status} />
                        </td>
                        <td>{p.activityCount}</td>
                        <td>{formatDate(p.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function CreatePlanForm() {
  const { t } = useTranslation();
  const { can } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  return (
    <section aria-labelledby="create-heading" className="panel">
      <h2 id="create-heading">{t('plans.create.heading')}</h2>
      <QueryState query={boards}>{(list) => <CreatePlanFields choices={list.filter((b) => can('plans.create', b.id))} />}</QueryState>
    </section>
  );
}

/** The board (preselected when the user may create plans for one only) and the year. */
function CreatePlanFields({ choices }: { choices: TBoard[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useApiMutation<TPlan>(PLAN_READS);
  const f = useApiForm(ZCreatePlanRequest, { idPrefix: 'create', defaultValues: { boardId: choices.length === 1 ? choices[0].id : '', year: currentYear() }, fallback: 'year' });
  const submit = f.onSubmit(async (body) => {
    const plan = await save.mutateAsync({ method: 'POST', path: '/api/plans', body });
    navigate(`/planer/${plan.id}`, { state: { notice: t('plans.create.created') } });
  });

  return (
    <>
      <ErrorSummary errors={f.errors} idPrefix="create" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <div className="inline-fields">
            <SelectField label={t('plans.board')} {...f.field('boardId')}>
              {choices.length !== 1 && <option value="">{t('plans.create.chooseBoard')}</option>}
              {choices.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
            <TextField label={t('plans.year')} inputMode="numeric" {...f.field('year', { setValueAs: asNumber })} />
            <button type="submit" className="button">
              {t('plans.create.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </>
  );
}
