import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TImportResult } from '@shared/modules/training/schema';
import { useApiMutation } from '../../api/mutation';
import type { TBoard, TUnit } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { useFormat, type TCourse } from './shared';

type Kind = 'headcounts' | 'participants';

/** An import adds participants or headcounts (and may create units): coverage, reports and the organisation change. */
const IMPORT_READS = ['/api/training', '/api/reports', '/api/units', '/api/boards'];

const MAX_SUMMARY = 10;

export function TrainingImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me, can } = useSession();
  const courses = useApiQuery<TCourse[]>('/api/training/courses');
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const units = useApiQuery<TUnit[]>('/api/units');
  const check = useApiMutation<TImportResult>([]);
  const importFile = useApiMutation<TImportResult>(IMPORT_READS);
  const [kind, setKind] = useState<Kind>('participants');
  const [courseId, setCourseId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [preview, setPreview] = useState<TImportResult | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const busy = check.isPending || importFile.isPending;
  const [confirm, setConfirm] = useState(false);
  const [done, setDone] = useState<TImportResult | null>(null);

  useEffect(() => {
    if (!courseId && courses.data?.length) setCourseId((courses.data.find((c) => c.kind === 'web_basic') ?? courses.data[0]).id);
  }, [courses.data, courseId]);

  // Units by board, for the selects that map a name the file has but Värna does not know.
  const unitsOf = useMemo(() => {
    const map = new Map<string, TUnit[]>();
    for (const u of units.data ?? []) map.set(u.boardId, [...(map.get(u.boardId) ?? []), u]);
    return map;
  }, [units.data]);

  const course = courses.data?.find((c) => c.id === courseId);
  const boardName = (id: string | null) => boards.data?.find((b) => b.id === id)?.name ?? '';
  const url = (dryRun: boolean) =>
    (kind === 'headcounts' ? '/api/training/headcounts' : `/api/training/courses/${courseId}/participants`) + (dryRun ? '?dryRun=1' : '');

  async function run(dryRun: boolean) {
    const local: FieldErrors = {};
    if (!file) local.file = t('training.fileMissing');
    if (kind === 'participants' && !courseId) local.course = t('training.courseMissing');
    setErrors(local);
    if (Object.keys(local).length || !file || !me) return;
    setDone(null);
    try {
      const form = { mapping: Object.keys(mapping).length ? JSON.stringify(mapping) : undefined, file };
      const result = await (dryRun ? check : importFile).mutateAsync({ method: 'POST', path: url(dryRun), form });
      if (dryRun) setPreview(result);
      else {
        setDone(result);
        setPreview(null);
        setMapping({});
        setFile(null);
        setFileKey((k) => k + 1);
      }
    } catch (err) {
      setPreview(null);
      setErrors({ file: errorsFrom(err, [], 'file', t('common.networkError')).file });
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };

  if (!can(kind === 'headcounts' ? 'training.headcounts.import' : 'training.participants.import')) {
    return (
      <>
        <PageHeading title={t('training.importTitle')}>{t('training.importTitle')}</PageHeading>
        <LoadError message={t('training.notAllowed')} />
      </>
    );
  }

  // GOV.UK-style summary of the bad rows: the first ones, linked to their row in the table.
  const rowErrors: FieldErrors = {};
  if (preview && preview.errorCount > 0) {
    for (const e of preview.errors.slice(0, MAX_SUMMARY)) rowErrors[`rad-${e.line}`] = e.line > 0 ? `${t('training.line')} ${e.line}: ${e.message}` : e.message;
    if (preview.errorCount > MAX_SUMMARY) rowErrors['errors-table'] = t('training.errorsMore', { count: preview.errorCount });
  }
  const canImport = !!preview && preview.errorCount === 0 && preview.toAdd + preview.alreadyStored > 0;
  const resultRows = (r: TImportResult) => (r.kind === 'participants' ? r.toAdd + r.alreadyStored : r.toAdd);

  return (
    <>
      <p>
        <Link to="/utbildning">{t('training.back')}</Link>
      </p>
      <PageHeading title={t('training.importTitle')}>{t('training.importTitle')}</PageHeading>
      <p className="lead">{t('training.importLead')}</p>
      <p>{t('training.importPrivacy')}</p>
      {done && (
        <Notice>
          {t('training.imported', { count: resultRows(done) })} <Link to="/utbildning">{t('training.importedLink')}</Link>
        </Notice>
      )}
      <ErrorSummary errors={errors} idPrefix="import" />
      <QueryState query={courses}>{() => null}</QueryState>

      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={busy} className="plain-fieldset">
          <fieldset className="fieldset">
            <legend>{t('training.whatKind')}</legend>
            <ul className="training-radios">
              {(['participants', 'headcounts'] as const).map((k) => (
                <li key={k}>
                  <input
                    type="radio"
                    id={`import-kind-${k}`}
                    name="kind"
                    value={k}
                    checked={kind === k}
                    aria-describedby={`import-kind-${k}-hint`}
                    onChange={() => {
                      setKind(k);
                      setPreview(null);
                      setMapping({});
                    }}
                  />
                  <div>
                    <label htmlFor={`import-kind-${k}`}>{t(k === 'participants' ? 'training.kindParticipants' : 'training.kindHeadcounts')}</label>
                    <p className="hint" id={`import-kind-${k}-hint`}>
                      {t(k === 'participants' ? 'training.kindParticipantsHint' : 'training.kindHeadcountsHint')}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
          {kind === 'participants' && (
            <SelectField
              id="import-course"
              label={t('training.course')}
              value={courseId}
              error={errors.course}
              onChange={(e) => {
                setCourseId(e.target.value);
                setPreview(null);
              }}
            >
              {(courses.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className={`field${errors.file ? ' field--error' : ''}`}>
            <label htmlFor="import-file">{t('training.file')}</label>
            <p className="hint" id="import-file-hint">
              {t('training.fileHint')}
            </p>
            {errors.file && (
              <p className="field-error" id="import-file-error">
                <span className="visually-hidden">{t('form.errorPrefix')}</span> {errors.file}
              </p>
            )}
            <input
              key={fileKey}
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={['import-file-hint', errors.file ? 'import-file-error' : ''].filter(Boolean).join(' ')}
              aria-invalid={errors.file ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setMapping({});
                setDone(null);
              }}
            />
          </div>
          <button type="submit" className="button">
            {t('training.preview')}
          </button>
        </fieldset>
      </form>

      {busy && <Loading />}

      {preview && (
        <section aria-labelledby="preview-heading" className="panel">
          <h2 id="preview-heading">{t('training.previewHeading')}</h2>
          <p>{t('training.previewLead', { file: file?.name ?? '' })}</p>
          <ErrorSummary errors={rowErrors} idPrefix="rows" />
          <dl className="summary-list">
            <div>
              <dt>{t('training.rowCount')}</dt>
              <dd>{f.n(preview.rowCount)}</dd>
            </div>
            <div>
              <dt>{t(preview.kind === 'participants' ? 'training.toAddParticipants' : 'training.toAddHeadcounts')}</dt>
              <dd>{f.n(preview.toAdd)}</dd>
            </div>
            <div>
              <dt>{t(preview.kind === 'participants' ? 'training.alreadyParticipants' : 'training.alreadyHeadcounts')}</dt>
              <dd>{f.n(preview.alreadyStored)}</dd>
            </div>
            {preview.kind === 'participants' && (
              <div>
                <dt>{t('training.duplicates')}</dt>
                <dd>{f.n(preview.duplicatesMerged)}</dd>
              </div>
            )}
            {preview.kind === 'headcounts' && (
              <div>
                <dt>{t('training.unitsToCreate')}</dt>
                <dd>{preview.unitsToCreate.length ? preview.unitsToCreate.map((u) => `${u.name} (${boardName(u.boardId)})`).join(', ') : t('training.none')}</dd>
              </div>
            )}
            <div>
              <dt>{t('training.skipped')}</dt>
              <dd>{f.n(preview.skipped.length)}</dd>
            </div>
            <div>
              <dt>{t('training.perBoard')}</dt>
              <dd>{preview.byBoard.length ? preview.byBoard.map((b) => `${boardName(b.boardId)}: ${f.n(b.rows)}`).join(', ') : t('training.none')}</dd>
            </div>
            <div>
              <dt>{t('training.ignoredColumns')}</dt>
              <dd>{preview.ignoredColumns.length ? preview.ignoredColumns.join(', ') : t('training.none')}</dd>
            </div>
          </dl>

          {preview.unmatched.length > 0 && (
            <section aria-labelledby="unmatched-heading">
              <h3 id="unmatched-heading">{t('training.unmatchedHeading')}</h3>
              <p>{t('training.unmatchedLead')}</p>
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('training.unmatchedCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training.nameInFile')}</th>
                      <th scope="col">{t('training.lines')}</th>
                      <th scope="col">{t('training.mapTo')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.unmatched.map((u, i) => (
                      <tr key={`${u.kind}-${u.key}`}>
                        <th scope="row">
                          {u.name}{' '}
                          <span className="tag">
                            {u.kind === 'board' ? t('training.unknownBoard') : t('training.unknownUnit', { board: boardName(u.boardId) })}
                            {u.ambiguous ? `, ${t('training.ambiguous')}` : ''}
                          </span>
                        </th>
                        <td>{u.lines.slice(0, 20).join(', ') + (u.lines.length > 20 ? ' …' : '')}</td>
                        <td>
                          <label className="visually-hidden" htmlFor={`map-${i}`}>
                            {t('training.mapLabel', { name: u.name })}
                          </label>
                          <select
                            id={`map-${i}`}
                            className="training-table-select"
                            value={mapping[u.key] ?? ''}
                            onChange={(e) => setMapping((m) => ({ ...Object.fromEntries(Object.entries(m).filter(([k]) => k !== u.key)), ...(e.target.value ? { [u.key]: e.target.value } : {}) }))}
                          >
                            {u.kind === 'board' ? (
                              <>
                                <option value="">{t('training.chooseBoard')}</option>
                                {(boards.data ?? []).map((b) => (
                                  <option key={b.id} value={b.id}>
                                    {b.name}
                                  </option>
                                ))}
                              </>
                            ) : (
                              <>
                                <option value="">
                                  {u.fallback === 'create' ? t('training.createUnit', { name: u.name }) : u.fallback === 'board' ? t('training.boardAlone') : t('training.chooseUnit')}
                                </option>
                                {(unitsOf.get(u.boardId ?? '') ?? []).map((x) => (
                                  <option key={x.id} value={x.id}>
                                    {x.name}
                                  </option>
                                ))}
                              </>
                            )}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(true)}>
                {t('training.previewAgain')}
              </button>
            </section>
          )}

          {preview.errorCount > 0 && (
            <section aria-labelledby="errors-heading">
              <h3 id="errors-heading">{t('training.errorsHeading')}</h3>
              <p>{t('training.errorsLead')}</p>
              <div className="table-wrap">
                <table className="table" id="rows-errors-table" tabIndex={-1}>
                  <caption>{t('training.errorsCaption', { count: preview.errorCount })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training.line')}</th>
                      <th scope="col">{t('training.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((e, i) => (
                      <tr key={`${e.line}-${i}`} id={i === preview.errors.findIndex((x) => x.line === e.line) ? `rows-rad-${e.line}` : undefined} tabIndex={-1} className="training-row-target">
                        <th scope="row">{e.line > 0 ? e.line : t('training.fileLevel')}</th>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          {preview.duplicates.length > 0 && (
            <details>
              <summary>
                {t('training.duplicatesHeading')} ({f.n(preview.duplicatesMerged)})
              </summary>
              <LineTable caption={t('training.duplicatesCaption')} head={t('training.keptLine')} rows={preview.duplicates.map((d) => [d.line, d.keptLine])} />
            </details>
          )}

          {preview.skipped.length > 0 && (
            <details>
              <summary>{t('training.skippedCaption', { count: preview.skipped.length })}</summary>
              <LineTable caption={t('training.skippedHeading')} head={t('training.reason')} rows={preview.skipped.map((s) => [s.line, s.message])} />
            </details>
          )}

          {canImport ? (
            <div className="button-row">
              <button type="button" className="button" disabled={busy} onClick={() => setConfirm(true)}>
                {t('training.importButton')}
              </button>
            </div>
          ) : (
            <EmptyState>{t('training.cannotImport')}</EmptyState>
          )}
        </section>
      )}

      <ConfirmDialog
        open={confirm}
        title={t('training.confirmTitle')}
        confirmLabel={t('training.importButton')}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void run(false);
        }}
      >
        {preview && (
          <p>
            {preview.kind === 'headcounts'
              ? t('training.confirmHeadcounts', { count: preview.toAdd, units: preview.unitsToCreate.length })
              : t('training.confirmParticipants', { count: preview.toAdd, course: course?.name ?? '' })}
          </p>
        )}
        <p>{t('training.confirmNote')}</p>
      </ConfirmDialog>
    </>
  );
}

/** A two-column table of file lines: the line number, then `head`'s column. */
function LineTable({ caption, head, rows }: { caption: string; head: string; rows: [line: number, text: ReactNode][] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={([line]) => String(line)}
      columns={[
        { key: 'line', header: t('training.line'), rowHeader: true, sort: ([line]) => line, cell: ([line]) => line },
        { key: 'text', header: head, cell: ([, text]) => text },
      ]}
    />
  );
}
