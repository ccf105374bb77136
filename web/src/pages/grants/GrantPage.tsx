import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { FollowUpForm, PayoutForm } from './DecisionForms';
import { FollowUpTag, GrantStatusTag, groupKronor, useKronor, type TGrantApplication, type TGrantCriterion } from './shared';
import { VettingForm } from './VettingForm';

/** One application: its facts, the vetting and decision once made (or the form to make them), the payout and the follow-up. */
export function GrantPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApiQuery<TGrantApplication>(`/api/grant-applications/${id}`);
  return (
    <>
      <p>
        <Link to="/samverkan/bidrag">{t('grants.title')}</Link>
      </p>
      <QueryState query={application}>{(a) => <Application application={a} />}</QueryState>
    </>
  );
}

function Application({ application: a }: { application: TGrantApplication }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const kronor = useKronor();
  const mayVet = a.status === 'received' && can('grant_applications.vet', a.boardId);
  const criteria = useApiQuery<TGrantCriterion[]>(mayVet ? '/api/grant-criteria' : null);
  // After the vetting is saved its form gives way to the decision: the focus and a notice go there.
  const before = useRef(a.status);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const [decided, setDecided] = useState(false);
  useEffect(() => {
    if (before.current === 'received' && a.status !== 'received') {
      setDecided(true);
      decisionHeading.current?.focus();
    }
    before.current = a.status;
  }, [a.status]);
  const title = `${a.organisation}: ${t(`grants.kinds.${a.kind}`).toLowerCase()}`;
  return (
    <>
      <PageHeading title={title}>
        {title} <GrantStatusTag status={a.status} /> <FollowUpTag application={a} />
      </PageHeading>
      <section aria-labelledby="grant-facts">
        <h2 id="grant-facts">{t('grants.facts')}</h2>
        <dl className="grants-facts">
          <dt>{t('grants.organisation')}</dt>
          <dd>{a.organisation}</dd>
          <dt>{t('grants.board')}</dt>
          <dd>{a.boardName}</dd>
          <dt>{t('grants.kind')}</dt>
          <dd>{t(`grants.kinds.${a.kind}`)}</dd>
          <dt>{t('grants.amount')}</dt>
          <dd>{kronor(a.amount)}</dd>
          <dt>{t('grants.receivedOn')}</dt>
          <dd>{a.receivedOn}</dd>
          <dt>{t('grants.purpose')}</dt>
          <dd>{a.purpose}</dd>
        </dl>
      </section>

      {a.status !== 'received' && (
        <section aria-labelledby="grant-decision">
          <h2 id="grant-decision" ref={decisionHeading} tabIndex={-1}>
            {t('grants.decision')}
          </h2>
          {decided && <Notice>{t('grants.vetting.saved')}</Notice>}
          <p>{t('grants.decidedLine', { status: t(`grants.statuses.${a.status}`), date: a.decidedOn ?? '', name: a.decidedByName ?? '' })}</p>
          {a.vetting.length > 0 && (
            <ScrollTable label={t('grants.vettingCaption')}>
              <table className="table">
                <caption>{t('grants.vettingCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('grants.criterion')}</th>
                    <th scope="col">{t('grants.result')}</th>
                    <th scope="col">{t('grants.comment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.vetting.map((v) => (
                    <tr key={v.key}>
                      <th scope="row">{v.label}</th>
                      <td>{t(`grants.results.${v.result}`)}</td>
                      <td>{v.comment ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </section>
      )}

      {mayVet && <QueryState query={criteria}>{(list) => <VettingForm application={a} criteria={list.filter((c) => c.active)} />}</QueryState>}

      {a.status === 'approved' && (
        <>
          <section aria-labelledby="grant-payout">
            <h2 id="grant-payout">{t('grants.payout.heading')}</h2>
            {a.payout ? (
              <p>{t('grants.payout.line', { amount: groupKronor(a.payout.paidAmount), date: a.payout.paidOn })}</p>
            ) : can('grant_applications.payout', a.boardId) ? (
              <PayoutForm application={a} />
            ) : (
              <p>{t('grants.payout.none')}</p>
            )}
          </section>
          <section aria-labelledby="grant-follow-up">
            <h2 id="grant-follow-up">{t('grants.followUp.heading')}</h2>
            {a.followUp ? (
              <>
                <p>{t('grants.followUp.line', { date: a.followUp.followUpOn })}</p>
                <p className="grants-note">{a.followUp.followUpNote}</p>
              </>
            ) : (
              <>
                {a.followUpYear !== null && <p>{t('grants.followUp.due', { year: a.followUpYear })}</p>}
                {can('grant_applications.follow_up', a.boardId) && <FollowUpForm application={a} />}
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
