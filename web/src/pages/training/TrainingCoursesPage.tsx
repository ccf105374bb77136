import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseKind, TPriorityGroup, TTarget } from '../../../../src/modules/training/schema';
import { api } from '../../api/client';
import type { TBoard, TUnit } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import type { TCourse } from './shared';

const KINDS: CourseKind[] = ['web_basic', 'advanced', 'lecture'];

interface Pending {
  title: string;
  text: string;
  run(): Promise<unknown>;
  done: string;
}

/** A year as four digits, 2000–2100. */
const isYear = (s: string) => /^\d{4}$/.test(s.trim()) && Number(s) >= 2000 && Number(s) <= 2100;

/** Removes after asking: `confirm` goes to the page's confirm dialog. */
function RemoveButton({ label, confirm, ask }: { label: string; confirm: Pending; ask(p: Pending): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--warning button--small" aria-label={label} onClick={() => ask(confirm)}>
      {t('training.remove')}
    </button>
  );
}

export function TrainingCoursesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const allowed = hasRole('central_coordinator');
  const courses = useQuery<TCourse[]>(allowed ? '/api/training/courses' : null);
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmError, setConfirmError] = useState('');

  if (!allowed) {
    return (
      <>
        <PageHeading title={t('training.coursesTitle')}>{t('training.coursesTitle')}</PageHeading>
        <LoadError message={t('training.notAllowed')} />
      </>
    );
  }

  const ask = (p: Pending) => {
    setConfirmError('');
    setPending(p);
  };

  return (
    <>
      <p>
        <Link to="/utbildning">{t('training.back')}</Link>
      </p>
      <PageHeading title={t('training.coursesTitle')}>{t('training.coursesTitle')}</PageHeading>
      <p className="lead">{t('training.coursesLead')}</p>
      {notice && <Notice>{notice}</Notice>}
      {confirmError && <LoadError message={confirmError} />}
      {courses.loading && <Loading />}
      {courses.error && <LoadError message={courses.error.message} />}
      {courses.data && (
        <>
          <CourseSection courses={courses.data} onChanged={(m) => { setNotice(m); void courses.reload(); }} ask={ask} />
          <TargetSection courses={courses.data} onChanged={setNotice} ask={ask} />
        </>
      )}
      <GroupSection onChanged={setNotice} ask={ask} />

      <ConfirmDialog
        open={!!pending}
        title={pending?.title ?? ''}
        confirmLabel={t('training.remove')}
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          const p = pending!;
          setPending(null);
          try {
            await p.run();
            setNotice(p.done);
          } catch (err) {
            setNotice('');
            setConfirmError(errorsFrom(err, [], 'x', t('common.networkError')).x ?? '');
          }
        }}
      >
        <p>{pending?.text}</p>
      </ConfirmDialog>
    </>
  );
}

function CourseSection({ courses, onChanged, ask }: { courses: TCourse[]; onChanged(message: string): void; ask(p: Pending): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CourseKind>('lecture');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setErrors({ name: t('training.courseNameMissing') });
    setSaving(true);
    try {
      if (editing) {
        await api('PATCH', `/api/training/courses/${editing}`, { name: name.trim(), kind });
        onChanged(t('training.courseSaved'));
      } else {
        await api('POST', '/api/training/courses', { name: name.trim(), kind });
        onChanged(t('training.courseAdded', { name: name.trim() }));
      }
      setErrors({});
      setEditing(null);
      setName('');
      setKind('lecture');
    } catch (err) {
      setErrors(errorsFrom(err, ['name', 'kind'], 'name', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="courses-heading">
      <h2 id="courses-heading">{t('training.coursesHeading')}</h2>
      {courses.length === 0 ? (
        <EmptyState>{t('training.noCourses')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('training.coursesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.name')}</th>
                <th scope="col">{t('training.kind')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('training.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{t(`training.kinds.${c.kind}`)}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('training.editLabel', { name: c.name })}
                        onClick={() => {
                          setEditing(c.id);
                          setName(c.name);
                          setKind(c.kind);
                          setErrors({});
                          document.getElementById('course-name')?.focus();
                        }}
                      >
                        {t('training.edit')}
                      </button>
                      <RemoveButton
                        label={t('training.removeLabel', { name: c.name })}
                        confirm={{
                          title: t('training.confirmRemoveCourse', { name: c.name }),
                          text: t('training.confirmRemoveCourseText'),
                          run: async () => {
                            await api('DELETE', `/api/training/courses/${c.id}`);
                            onChanged(t('training.courseRemoved', { name: c.name }));
                          },
                          done: t('training.courseRemoved', { name: c.name }),
                        }}
                        ask={ask}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel">
        <h3 id="course-form-heading">{editing ? t('training.editLabel', { name: courses.find((c) => c.id === editing)?.name ?? '' }) : t('training.addCourse')}</h3>
        <ErrorSummary errors={errors} idPrefix="course" />
        <form onSubmit={submit} noValidate aria-labelledby="course-form-heading">
          <fieldset disabled={saving} className="plain-fieldset">
            <TextField id="course-name" label={t('training.courseName')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
            <SelectField id="course-kind" label={t('training.kind')} value={kind} error={errors.kind} onChange={(e) => setKind(e.target.value as CourseKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`training.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            <div className="button-row">
              <button type="submit" className="button">
                {editing ? t('training.save') : t('training.addCourse')}
              </button>
              {editing && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setEditing(null);
                    setName('');
                    setErrors({});
                  }}
                >
                  {t('common.cancel')}
                </button>
              )}
            </div>
          </fieldset>
        </form>
      </div>
    </section>
  );
}

function TargetSection({ courses, onChanged, ask }: { courses: TCourse[]; onChanged(message: string): void; ask(p: Pending): void }) {
  const { t } = useTranslation();
  const [courseId, setCourseId] = useState(courses.find((c) => c.kind === 'web_basic')?.id ?? courses[0]?.id ?? '');
  const targets = useQuery<TTarget[]>(courseId ? `/api/training/targets?courseId=${courseId}` : null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [percent, setPercent] = useState('100');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const course = courses.find((c) => c.id === courseId);
  if (!courses.length) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    const y = Number(year);
    const p = Number(percent);
    if (!isYear(year)) local.year = t('training.yearInvalid');
    if (!/^\d{1,3}$/.test(percent.trim()) || p < 1 || p > 100) local.targetPercent = t('training.targetPercentInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await api('PUT', `/api/training/courses/${courseId}/targets/${y}`, { targetPercent: p });
      onChanged(t('training.targetSaved', { year: y }));
      await targets.reload();
    } catch (err) {
      setErrors(errorsFrom(err, ['year', 'targetPercent'], 'targetPercent', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('training.targetsHeading')}</h2>
      <p>{t('training.targetsLead')}</p>
      <SelectField id="targets-course" label={t('training.course')} value={courseId} onChange={(e) => setCourseId(e.target.value)}>
        {courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      {targets.loading && <Loading />}
      {targets.data?.length === 0 && <EmptyState>{t('training.targetsEmpty')}</EmptyState>}
      {targets.data && targets.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('training.targetsCaption', { course: course?.name ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.year')}</th>
                <th scope="col">{t('training.target')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('training.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.data.map((x) => (
                <tr key={x.year}>
                  <th scope="row">{x.year}</th>
                  <td>{t('training.targetText', { percent: x.targetPercent })}</td>
                  <td>
                    <RemoveButton
                      label={t('training.confirmRemoveTarget', { year: x.year })}
                      confirm={{
                        title: t('training.confirmRemoveTarget', { year: x.year }),
                        text: t('training.confirmRemoveTargetText'),
                        run: async () => {
                          await api('DELETE', `/api/training/courses/${courseId}/targets/${x.year}`);
                          await targets.reload();
                        },
                        done: t('training.targetRemoved', { year: x.year }),
                      }}
                      ask={ask}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorSummary errors={errors} idPrefix="target" />
      <form onSubmit={submit} noValidate aria-label={t('training.setTarget')}>
        <fieldset disabled={saving} className="plain-fieldset">
          <div className="inline-fields">
            <TextField id="target-year" label={t('training.year')} inputMode="numeric" value={year} error={errors.year} onChange={(e) => setYear(e.target.value)} />
            <TextField id="target-targetPercent" label={t('training.targetPercent')} inputMode="numeric" value={percent} error={errors.targetPercent} onChange={(e) => setPercent(e.target.value)} />
            <button type="submit" className="button">
              {t('training.setTarget')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

function GroupSection({ onChanged, ask }: { onChanged(message: string): void; ask(p: Pending): void }) {
  const { t } = useTranslation();
  const groups = useQuery<TPriorityGroup[]>('/api/training/priority-groups');
  const boards = useQuery<TBoard[]>('/api/boards');
  const [units, setUnits] = useState<TUnit[] | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [name, setName] = useState('');
  const [unitNames, setUnitNames] = useState<string[]>([]);
  const [boardIds, setBoardIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!boards.data) return;
    void Promise.all(boards.data.map((b) => api<TUnit[]>('GET', `/api/boards/${b.id}/units`))).then((lists) => setUnits(lists.flat()));
  }, [boards.data]);
  // Units are chosen by name: every unit with the name, in every board ("unit categories").
  const names = useMemo(() => [...new Set((units ?? []).filter((u) => u.kind !== 'administration').map((u) => u.name))].sort((a, b) => a.localeCompare(b, 'sv')), [units]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    const y = Number(year);
    if (!isYear(year)) local.year = t('training.yearInvalid');
    if (!name.trim()) local.name = t('training.groupNameMissing');
    if (!unitNames.length && !boardIds.length) local.unitIds = t('training.groupMembersMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const unitIds = (units ?? []).filter((u) => unitNames.includes(u.name)).map((u) => u.id);
      await api('POST', '/api/training/priority-groups', { year: y, name: name.trim(), unitIds, boardIds });
      onChanged(t('training.groupAdded', { name: name.trim() }));
      setName('');
      setUnitNames([]);
      setBoardIds([]);
      await groups.reload();
    } catch (err) {
      setErrors(errorsFrom(err, ['year', 'name', 'unitIds', 'boardIds'], 'name', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('training.groupsHeading')}</h2>
      <p>{t('training.groupsLead')}</p>
      {groups.loading && <Loading />}
      {groups.error && <LoadError message={groups.error.message} />}
      {groups.data?.length === 0 && <EmptyState>{t('training.groupsListEmpty')}</EmptyState>}
      {groups.data && groups.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('training.groupsListCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.year')}</th>
                <th scope="col">{t('training.group')}</th>
                <th scope="col">{t('training.covers')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('training.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.data.map((g) => (
                <tr key={g.id}>
                  <td>{g.year}</td>
                  <th scope="row">{g.name}</th>
                  <td>{t('training.coversText', { units: g.unitIds.length, boards: g.boardIds.length })}</td>
                  <td>
                    <RemoveButton
                      label={t('training.removeLabel', { name: g.name })}
                      confirm={{
                        title: t('training.confirmRemoveGroup', { name: g.name }),
                        text: t('training.confirmRemoveGroupText'),
                        run: async () => {
                          await api('DELETE', `/api/training/priority-groups/${g.id}`);
                          await groups.reload();
                        },
                        done: t('training.groupRemoved', { name: g.name }),
                      }}
                      ask={ask}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel">
        <h3 id="group-form-heading">{t('training.addGroup')}</h3>
        <ErrorSummary errors={errors} idPrefix="group" />
        <form onSubmit={submit} noValidate aria-labelledby="group-form-heading">
          <fieldset disabled={saving} className="plain-fieldset">
            <div className="inline-fields">
              <TextField id="group-year" label={t('training.year')} inputMode="numeric" value={year} error={errors.year} onChange={(e) => setYear(e.target.value)} />
              <TextField id="group-name" label={t('training.groupName')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
            </div>
            <fieldset className={`fieldset${errors.unitIds ? ' field--error' : ''}`} aria-describedby="group-unitIds-hint">
              <legend id="group-unitIds">{t('training.groupUnits')}</legend>
              <p className="hint" id="group-unitIds-hint">
                {t('training.groupUnitsHint')}
              </p>
              {errors.unitIds && <p className="field-error">{errors.unitIds}</p>}
              {!units && <Loading />}
              <ul className="training-checks">
                {names.map((n, i) => (
                  <li key={n}>
                    <input id={`group-unit-${i}`} type="checkbox" checked={unitNames.includes(n)} onChange={(e) => setUnitNames((l) => toggle(l, n, e.target.checked))} />
                    <label htmlFor={`group-unit-${i}`}>{n}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <fieldset className="fieldset">
              <legend>{t('training.groupBoards')}</legend>
              <ul className="training-checks">
                {(boards.data ?? []).map((b) => (
                  <li key={b.id}>
                    <input id={`group-board-${b.id}`} type="checkbox" checked={boardIds.includes(b.id)} onChange={(e) => setBoardIds((l) => toggle(l, b.id, e.target.checked))} />
                    <label htmlFor={`group-board-${b.id}`}>{b.name}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="button">
              {t('training.addGroup')}
            </button>
          </fieldset>
        </form>
      </div>
    </section>
  );
}
