import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { SelectField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { SectionBody, type TActivity, type TCompareResult, type TPlanSummary } from './shared';

interface VersionInfo {
  number: number;
  status: string;
  createdAt: string;
}

function PlanPicker({ id, label, plans, value, onChange }: { id: string; label: string; plans: TPlanSummary[]; value: string; onChange(ref: string): void }) {
  const { t } = useTranslation();
  const [planId, version] = value.split(':');
  const versions = useApiQuery<VersionInfo[]>(planId ? `/api/plans/${planId}/versions` : null);
  return (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <SelectField id={`${id}-plan`} label={t('plans.compare.plan')} value={planId ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('plans.compare.choosePlan')}</option>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {t('plans.planName', { board: p.boardName, year: p.year })}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${id}-version`} label={t('plans.compare.version')} value={version ?? ''} disabled={!planId} onChange={(e) => onChange(e.target.value ? `${planId}:${e.target.value}` : planId)}>
        <option value="">{t('plans.compare.current')}</option>
        {(versions.data ?? []).map((v) => (
          <option key={v.number} value={v.number}>
            {t('plans.compare.versionLabel', { number: v.number, status: t(`plans.status.${v.status}`), date: v.createdAt.slice(0, 10) })}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

function ActivityTable({ caption, items }: { caption: string; items: TActivity[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.activity.title')}</th>
            <th scope="col">{t('plans.activity.measureArea')}</th>
            <th scope="col">{t('plans.activity.responsible')}</th>
            <th scope="col">{t('plans.activity.timeline')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>{a.title}</td>
              <td>{a.measureArea ? t(`plans.measureAreas.${a.measureArea}`) : t('plans.measureAreas.none')}</td>
              <td>{a.responsible}</td>
              <td>{a.timeline}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function show(field: string, a: TActivity, t: (k: string, o?: Record<string, unknown>) => string): string {
  const v = (a as unknown as Record<string, unknown>)[field];
  if (field === 'measureArea') return v ? t(`plans.measureAreas.${v}`) : t('plans.measureAreas.none');
  if (field === 'indicators') return a.indicators.map((i) => `${t(`plans.indicatorKinds.${i.kind}`)}: ${i.name}`).join('; ') || '–';
  if (field === 'guidelineElementIds') return t('plans.compare.elementCount', { count: a.guidelineElementIds.length });
  return typeof v === 'string' && v ? v : '–';
}

/** Two plans (years) or two versions side by side: activities added, changed, removed; sections changed. */
export function ComparePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const plans = useApiQuery<TPlanSummary[]>('/api/plans');
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const query = params.get('from') && params.get('to') ? `/api/plans/compare?from=${encodeURIComponent(params.get('from')!)}&to=${encodeURIComponent(params.get('to')!)}` : null;
  const result = useApiQuery<TCompareResult>(query);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (from && to) setParams({ from, to });
  }

  return (
    <>
      <p>
        <Link to="/planer">{t('plans.back')}</Link>
      </p>
      <PageHeading title={t('plans.compare.title')}>{t('plans.compare.title')}</PageHeading>
      <p className="lead">{t('plans.compare.lead')}</p>
      <QueryState query={plans}>
        {(list) => (
          <form onSubmit={submit} noValidate>
            <div className="plans-compare">
              <PlanPicker id="from" label={t('plans.compare.from')} plans={list} value={from} onChange={setFrom} />
              <PlanPicker id="to" label={t('plans.compare.to')} plans={list} value={to} onChange={setTo} />
            </div>
            <div className="button-row">
              <button type="submit" className="button" disabled={!from || !to}>
                {t('plans.compare.submit')}
              </button>
            </div>
          </form>
        )}
      </QueryState>
      <QueryState query={result}>{(diff) => <Differences diff={diff} />}</QueryState>
    </>
  );
}

/** What changed between the two sides: counts, activities added, removed and changed field by field, and sections. */
function Differences({ diff }: { diff: TCompareResult }) {
  const { t } = useTranslation();
  const side = (s: TCompareResult['from']) =>
    `${t('plans.planName', { board: s.boardName, year: s.year })}, ${s.version ? t('plans.compare.versionShort', { number: s.version }) : t('plans.compare.current')} (${t(`plans.status.${s.status}`)})`;
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">{t('plans.compare.result')}</h2>
      <p>
        {t('plans.compare.between', { from: side(diff.from), to: side(diff.to) })}
      </p>
      <ul>
        <li>{t('plans.compare.addedCount', { count: diff.added.length })}</li>
        <li>{t('plans.compare.changedCount', { count: diff.changed.length })}</li>
        <li>{t('plans.compare.removedCount', { count: diff.removed.length })}</li>
        <li>{t('plans.compare.unchangedCount', { count: diff.unchanged.length })}</li>
      </ul>
      {diff.added.length > 0 && <ActivityTable caption={t('plans.compare.added')} items={diff.added} />}
      {diff.removed.length > 0 && <ActivityTable caption={t('plans.compare.removed')} items={diff.removed} />}
      {diff.changed.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('plans.compare.changed')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.activity.title')}</th>
                <th scope="col">{t('plans.compare.field')}</th>
                <th scope="col">{t('plans.compare.before')}</th>
                <th scope="col">{t('plans.compare.after')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.flatMap((c) =>
                c.fields.map((f, i) => (
                  <tr key={`${c.after.id}-${f}`}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={c.fields.length}>
                        {c.after.title}
                      </th>
                    )}
                    <td>{t(`plans.fields.${f}`)}</td>
                    <td>{show(f, c.before, t)}</td>
                    <td>{show(f, c.after, t)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('plans.compare.sections')}</h3>
      {diff.sections.changed.length + diff.sections.added.length + diff.sections.removed.length === 0 ? (
        <EmptyState>{t('plans.compare.sectionsSame')}</EmptyState>
      ) : (
        <>
          {diff.sections.changed.map((s) => (
            <section key={s.key} aria-labelledby={`diff-${s.key}`}>
              <h4 id={`diff-${s.key}`}>{s.title}</h4>
              <div className="plans-compare">
                <div>
                  <p className="plans-small">{t('plans.compare.before')}</p>
                  <SectionBody html={s.before} />
                </div>
                <div>
                  <p className="plans-small">{t('plans.compare.after')}</p>
                  <SectionBody html={s.after} />
                </div>
              </div>
            </section>
          ))}
          {diff.sections.added.map((s) => (
            <p key={s.key}>{t('plans.compare.sectionAdded', { title: s.title })}</p>
          ))}
          {diff.sections.removed.map((s) => (
            <p key={s.key}>{t('plans.compare.sectionRemoved', { title: s.title })}</p>
          ))}
        </>
      )}
    </section>
  );
}
