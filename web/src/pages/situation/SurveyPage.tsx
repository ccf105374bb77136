import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TUnit } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { DEFAULT_LINK_DAYS, RECIPIENT_GROUPS, type RecipientGroup } from '../../../../src/domain/situation/survey';
import type { TIssuedLink, TSurvey } from '../../../../src/modules/situation/schema';
import { Num, ScrollBox, formatDate } from './components';

interface RecipientDraft {
  key: number;
  label: string;
  group: RecipientGroup;
  unitId: string | null;
}
let nextKey = 1;

/** Guess a unit's recipient group from its name (the demo tree follows the seeds' service areas). */
function groupOf(unit: TUnit): RecipientGroup {
  const n = unit.name.toLowerCase();
  if (n.includes('förskol')) return 'preschool';
  if (n.includes('skol')) return 'school';
  if (n.includes('fritid') || n.includes('fält')) return 'leisure';
  if (n.includes('socialtjänst') || n.includes('individ')) return 'social_services';
  if (n.includes('omsorg') || n.includes('hemtjänst') || n.includes('äldre')) return 'elderly_care';
  return 'other_unit';
}

export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { can } = useSession();
  const survey = useQuery<TSurvey>(`/api/surveys/${id}`);
  const s = survey.data;
  const units = useQuery<TUnit[]>(s && s.status !== 'closed' ? `/api/boards/${s.boardId}/units` : null);
  const [drafts, setDrafts] = useState<RecipientDraft[]>([]);
  const [days, setDays] = useState(String(DEFAULT_LINK_DAYS));
  const [links, setLinks] = useState<TIssuedLink[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState(location.state?.saved ? t('situation.survey.saved') : '');
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<'close' | 'delete' | null>(null);

  if (survey.loading && !s) return <Loading />;
  if (survey.error) return <LoadError message={survey.error.message} />;
  if (!s) return null;
  const manages = can('surveys.send', s.boardId);
  const fullLink = (path: string) => `${window.location.origin}${path}`;

  const addDraft = (d: Omit<RecipientDraft, 'key'>) => setDrafts((ds) => [...ds, { ...d, key: nextKey++ }]);
  const leafUnits = (units.data ?? []).filter((u) => u.kind === 'unit');

  async function send(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!drafts.length) local.recipients = t('situation.survey.noRecipients');
    drafts.forEach((d, i) => {
      if (!d.label.trim()) local[`r${i}`] = t('situation.survey.labelMissing', { n: i + 1 });
      else {
        const pd = checkFields({ v: d.label }, { subject: 'mottagarlistan' })[0];
        if (pd) local[`r${i}`] = pd.message;
      }
    });
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 365) local.days = t('situation.survey.daysInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const res = await api<{ links: TIssuedLink[] }>('POST', `/api/surveys/${s!.id}/recipients`, {
        recipients: drafts.map((d) => ({ label: d.label.trim(), group: d.group, unitId: d.unitId })),
        expiresInDays: n,
      });
      setLinks(res.links);
      setDrafts([]);
      setNotice(t('situation.survey.sentNotice', { count: res.links.length }));
      await survey.reload();
    } catch (err) {
      const body = (err as { body?: { fields?: { field: string; message: string }[] } }).body;
      const mapped: FieldErrors = {};
      for (const f of body?.fields ?? []) {
        const m = /^recipients\.(\d+)/.exec(f.field);
        mapped[m ? `r${m[1]}` : 'recipients'] ??= f.message;
      }
      setErrors(Object.keys(mapped).length ? mapped : errorsFrom(err, [], 'recipients', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  async function act(path: string, method: string, done: string) {
    setSaving(true);
    try {
      await api(method, path);
      setNotice(done);
      await survey.reload();
    } catch (err) {
      setErrors(errorsFrom(err, [], 'recipients', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <p>
        <Link to={`/lagesbild/enkater?namnd=${s.boardId}`}>{t('situation.survey.back')}</Link>
      </p>
      <PageHeading title={s.title}>{s.title}</PageHeading>
      <p className="lead">
        {s.boardName} · {s.year} · <span className="tag">{t(`situation.surveys.statuses.${s.status}`)}</span>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} idPrefix="send" />

      <dl className="summary-list">
        <div>
          <dt>{t('situation.surveys.sent')}</dt>
          <dd>{s.sent}</dd>
        </div>
        <div>
          <dt>{t('situation.surveys.answered')}</dt>
          <dd>
            <Num value={s.answered} /> {s.responseRate !== null && `(${s.responseRate} %)`}
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/lagesbild/enkater/${s.id}/resultat`}>{t('situation.survey.results')}</Link>
        {manages && s.status === 'draft' && (
          <>
            {' · '}
            <Link to={`/lagesbild/enkater/${s.id}/andra`}>{t('situation.survey.edit')}</Link>
          </>
        )}
      </p>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('situation.builder.questions')}</h2>
        <ol>
          {s.questions.map((q) => (
            <li key={q.id}>
              {q.text} <span className="tag">{t(`situation.kinds.${q.kind}`)}</span>
              {q.options.length > 0 && <span className="hint"> – {q.options.join(', ')}</span>}
            </li>
          ))}
        </ol>
      </section>

      {links.length > 0 && (
        <section aria-labelledby="links-heading" className="panel">
          <h2 id="links-heading">{t('situation.survey.linksHeading')}</h2>
          <p>
            <strong>{t('situation.survey.linksOnce')}</strong>
          </p>
          <table className="table">
            <caption>{t('situation.survey.linksCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.survey.recipient')}</th>
                <th scope="col">{t('situation.survey.link')}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.label}</th>
                  <td className="link-box">
                    <a href={l.path}>{fullLink(l.path)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {manages && s.status !== 'closed' && (
        <section aria-labelledby="send-heading" className="panel">
          <h2 id="send-heading">{t('situation.survey.sendHeading')}</h2>
          <p>{t('situation.survey.sendHelp')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={!leafUnits.length}
              onClick={() => leafUnits.forEach((u) => addDraft({ label: u.name, group: groupOf(u), unitId: u.id }))}
            >
              {t('situation.survey.addUnits')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => addDraft({ label: '', group: 'property_owner', unitId: null })}>
              {t('situation.survey.addExternal')}
            </button>
          </div>
          <form onSubmit={send} noValidate>
            <fieldset disabled={saving} className="plain-fieldset">
              {drafts.length === 0 && <p className="empty-state" id="send-recipients" tabIndex={-1}>{t('situation.survey.noRecipientsYet')}</p>}
              {drafts.map((d, i) => (
                <fieldset key={d.key} className="question">
                  <legend>{t('situation.survey.recipientN', { n: i + 1 })}</legend>
                  <div className="inline-fields">
                    <TextField
                      id={`send-r${i}`}
                      label={t('situation.survey.recipientLabel')}
                      hint={t('situation.survey.recipientHint')}
                      value={d.label}
                      error={errors[`r${i}`]}
                      onChange={(e) => setDrafts((ds) => ds.map((x) => (x.key === d.key ? { ...x, label: e.target.value } : x)))}
                    />
                    <SelectField
                      id={`send-r${i}-group`}
                      label={t('situation.survey.group')}
                      value={d.group}
                      onChange={(e) => setDrafts((ds) => ds.map((x) => (x.key === d.key ? { ...x, group: e.target.value as RecipientGroup } : x)))}
                    >
                      {RECIPIENT_GROUPS.map((g) => (
                        <option key={g} value={g}>
                          {t(`situation.groups.${g}`)}
                        </option>
                      ))}
                    </SelectField>
                    <button type="button" className="button button--secondary button--small" onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}>
                      {t('situation.survey.removeRecipient', { n: i + 1 })}
                    </button>
                  </div>
                </fieldset>
              ))}
              <TextField id="send-days" label={t('situation.survey.days')} hint={t('situation.survey.daysHint')} type="number" min={1} max={365} value={days} error={errors.days} onChange={(e) => setDays(e.target.value)} />
              <button type="submit" className="button">
                {t('situation.survey.send')}
              </button>
            </fieldset>
          </form>
        </section>
      )}

      <section aria-labelledby="recipients-heading">
        <h2 id="recipients-heading">{t('situation.survey.recipientsHeading')}</h2>
        {s.recipients.length === 0 ? (
          <EmptyState>{t('situation.survey.noRecipientsSent')}</EmptyState>
        ) : (
          <ScrollBox label={t('situation.survey.recipientsHeading')}>
            <table className="table">
              <caption>{t('situation.survey.recipientsCaption', { count: s.recipients.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.survey.recipient')}</th>
                  <th scope="col">{t('situation.survey.group')}</th>
                  <th scope="col">{t('situation.survey.expires')}</th>
                  <th scope="col">{t('situation.survey.state')}</th>
                  <th scope="col">{t('situation.survey.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {s.recipients.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.label}</th>
                    <td>{t(`situation.groups.${r.group}`)}</td>
                    <td>{formatDate(r.expiresAt, i18n.language)}</td>
                    <td>
                      <span className={`tag ${r.state === 'answered' ? 'tag--ok' : r.state === 'open' ? '' : 'tag--warn'}`}>{t(`situation.linkStates.${r.state}`)}</span>
                    </td>
                    <td>
                      {manages && (r.state === 'open' || r.state === 'expired') && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={saving}
                          onClick={async () => {
                            try {
                              const l = await api<TIssuedLink>('POST', `/api/surveys/${s.id}/recipients/${r.id}/renew`);
                              setLinks([l]);
                              setNotice(t('situation.survey.renewed', { label: r.label }));
                              await survey.reload();
                            } catch (err) {
                              setErrors(errorsFrom(err, [], 'recipients', t('common.networkError')));
                            }
                          }}
                        >
                          {t('situation.survey.renew')}
                          <span className="visually-hidden"> {r.label}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>

      {manages && (s.status === 'sent' || s.status === 'draft') && (
        <div className="button-row">
          {s.status === 'sent' && (
            <button type="button" className="button button--warning" onClick={() => setConfirm('close')}>
              {t('situation.survey.close')}
            </button>
          )}
          {s.status === 'draft' && (
            <button type="button" className="button button--warning" onClick={() => setConfirm('delete')}>
              {t('situation.survey.delete')}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={!!confirm}
        title={confirm === 'delete' ? t('situation.survey.confirmDelete') : t('situation.survey.confirmClose')}
        confirmLabel={confirm === 'delete' ? t('situation.survey.delete') : t('situation.survey.close')}
        onCancel={() => setConfirm(null)}
        onConfirm={async () => {
          const what = confirm;
          setConfirm(null);
          if (what === 'close') await act(`/api/surveys/${s.id}/close`, 'POST', t('situation.survey.closed'));
          if (what === 'delete') {
            await api('DELETE', `/api/surveys/${s.id}`);
            navigate(`/lagesbild/enkater?namnd=${s.boardId}`);
          }
        }}
      >
        <p>{confirm === 'delete' ? t('situation.survey.deleteHelp') : t('situation.survey.closeHelp')}</p>
      </ConfirmDialog>
    </>
  );
}
