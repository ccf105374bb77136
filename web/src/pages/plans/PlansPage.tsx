import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TBoard } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { currentYear, formatDate, StatusTag, type TOverview, type TPlan, type TPlanSummary } from './shared';

/** Plans list and overview: all boards × the year's plan, coverage matrix, and "Skapa plan". */
export function PlansPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [year, setYear] = useState(currentYear());
  const overview = useQuery<TOverview>(`/api/plans/overview?year=${year}`);
  const plans = useQuery<TPlanSummary[]>('/api/plans');
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
        {overview.loading && <Loading />}
        {overview.error && <LoadError message={overview.error.message} />}
        {overview.data && <OverviewTable overview={overview.data} />}
        {overview.data && <CoverageMatrix overview={overview.data} />}
      </section>

      <section aria-labelledby="all-plans-heading">
        <h2 id="all-plans-heading">{t('plans.all.heading')}</h2>
        {plans.loading && <Loading />}
        {plans.error && <LoadError message={plans.error.message} />}
        {plans.data?.length === 0 && <EmptyState>{t('plans.all.empty')}</EmptyState>}
        {plans.data && plans.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('plans.all.caption', { count: plans.data.length })}</caption>
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
                {plans.data.map((p) => (
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
        )}
      </section>
    </>
  );
}

function OverviewTable({ overview }: { overview: TOverview }) {
  const { t } = useTranslation();
  if (overview.boards.length === 0) return <EmptyState>{t('plans.overview.noBoards')}</EmptyState>;
  const withPlan = overview.boards.filter((b) => b.plan).length;
  return (
    <>
      <p>
        {overview.deadline ? t('plans.overview.deadline', { date: overview.deadline }) : t('plans.overview.noDeadline')}{' '}
        {t('plans.overview.count', { count: withPlan, total: overview.boards.length })}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('plans.overview.caption', { year: overview.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.board')}</th>
              <th scope="col">{t('plans.statusLabel')}</th>
              <th scope="col">{t('plans.overview.score')}</th>
              <th scope="col">{t('plans.activityCount')}</th>
              <th scope="col">{t('plans.overview.daysLeft')}</th>
              <th scope="col">{t('plans.lastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.boards.map((b) => (
              <tr key={b.boardId}>
                <th scope="row">{b.plan ? <Link to={`/planer/${b.plan.id}`}>{b.boardName}</Link> : b.boardName}</th>
                <td>
                  {b.plan ? <StatusTag status={b.plan.status} /> : <span className="tag">{t('plans.overview.noPlan')}</span>}{' '}
                  {b.late && <span className="tag tag--off">{t('plans.overview.late')}</span>}
                </td>
                <td>{b.plan ? t('plans.overview.scoreValue', { score: b.plan.score }) : '–'}</td>
                <td>{b.plan ? b.plan.activityCount : '–'}</td>
                <td>{b.daysToDeadline === null || (b.plan && ['submitted', 'in_review', 'approved'].includes(b.plan.status)) ? '–' : b.daysToDeadline < 0 ? t('plans.overview.daysPast', { count: -b.daysToDeadline }) : t('plans.overview.days', { count: b.daysToDeadline })}</td>
                <td>{b.plan ? formatDate(b.plan.lastChange) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Boards × guideline elements: how many activities of the year's plans are mapped to each element. */
function CoverageMatrix({ overview }: { overview: TOverview }) {
  const { t } = useTranslation();
  const boards = overview.boards.filter((b) => b.plan);
  return (
    <section aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">{t('plans.coverage.heading')}</h3>
      <p className="hint">{t('plans.coverage.hint')}</p>
      {boards.length === 0 || overview.elements.length === 0 ? (
        <EmptyState>{t('plans.coverage.empty')}</EmptyState>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
          <table className="table plans-matrix">
            <caption id="coverage-caption">{t('plans.coverage.caption', { year: overview.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.coverage.element')}</th>
                {boards.map((b) => (
                  <th scope="col" key={b.boardId}>
                    {b.boardName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.elements.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <span className="plans-small">
                      {e.documentTitle} · {t(`plans.elementKinds.${e.kind}`)}
                    </span>
                    <br />
                    {e.label}
                  </th>
                  {boards.map((b) => {
                    const n = overview.coverage[b.boardId]?.[e.id] ?? 0;
                    return (
                      <td key={b.boardId} className={n ? '' : 'plans-zero'}>
                        {n}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CreatePlanForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const boards = useQuery<TBoard[]>('/api/boards');
  const choices = (boards.data ?? []).filter((b) => can('plans.create', b.id));
  const [boardId, setBoardId] = useState('');
  const [year, setYear] = useState(String(currentYear()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const chosen = boardId || (choices.length === 1 ? choices[0].id : '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!chosen) local.boardId = t('plans.create.boardMissing');
    if (!/^\d{4}$/.test(year.trim())) local.year = t('plans.create.yearInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const plan = await api<TPlan>('POST', '/api/plans', { boardId: chosen, year: Number(year) });
      navigate(`/planer/${plan.id}`, { state: { notice: t('plans.create.created') } });
    } catch (err) {
      setErrors(errorsFrom(err, ['boardId', 'year'], 'year', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="create-heading" className="panel">
      <h2 id="create-heading">{t('plans.create.heading')}</h2>
      <ErrorSummary errors={errors} idPrefix="create" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <div className="inline-fields">
            <SelectField id="create-boardId" label={t('plans.board')} value={chosen} error={errors.boardId} onChange={(e) => setBoardId(e.target.value)}>
              {choices.length !== 1 && <option value="">{t('plans.create.chooseBoard')}</option>}
              {choices.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
            <TextField id="create-year" label={t('plans.year')} inputMode="numeric" value={year} error={errors.year} onChange={(e) => setYear(e.target.value)} />
            <button type="submit" className="button">
              {t('plans.create.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
