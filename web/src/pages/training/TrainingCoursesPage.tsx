import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COURSE_KINDS, ZCreateCourseRequest, ZPriorityGroupRequest, ZSetTargetRequest, ZTargetParams, type TPriorityGroup, type TTarget } from '@shared/modules/training/schema';
import { z } from 'zod';
import { useApiMutation } from '../../api/mutation';
import type { TBoard, TUnit } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog, EmptyState, LoadError, Notice } from '../../components/feedback';
import { asNumber } from '../../components/form-errors';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import type { TCourse } from './shared';

/** Training writes change the coverage figures, and the reports show them. */
const TRAINING_READS = ['/api/training', '/api/reports'];

/** A removal waiting for the confirm dialog: what it asks, the write, and what it says when done. */
interface Pending {
  title: string;
  text: string;
  path: string;
  done: string;
}

/** Removes after asking: `confirm` goes to the page's confirm dialog. */
function RemoveButton({ label, confirm, ask }: { label: string; confirm: Pending; ask(p: Pending): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--warning button--small" aria-label={label} onClick={() => ask(confirm)}>
      {t('training.remove')}
    </button>
  );
}

const thisYear = () => new Date().getFullYear();

export function TrainingCoursesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const allowed = can('training.courses.create');
  const courses = useApiQuery<TCourse[]>(allowed ? '/api/training/courses' : null);
  const remove = useApiMutation(TRAINING_READS);
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
      <QueryState query={courses}>
        {(list) => (
          <>
            <CourseSection courses={list} onChanged={setNotice} ask={ask} />
            {list.length > 0 && <TargetSection courses={list} onChanged={setNotice} ask={ask} />}
          </>
        )}
      </QueryState>
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
            await remove.mutateAsync({ method: 'DELETE', path: p.path });
            setNotice(p.done);
          } catch (err) {
            setNotice('');
            setConfirmError(err instanceof Error ? err.message : t('common.networkError'));
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
  const [editing, setEditing] = useState<TCourse | null>(null);
  const save = useApiMutation(TRAINING_READS);
  const f = useApiForm(ZCreateCourseRequest, { idPrefix: 'course', defaultValues: { name: '', kind: 'lecture' } });
  const submit = f.onSubmit(async (body) => {
    await save.mutateAsync(editing ? { method: 'PATCH', path: `/api/training/courses/${editing.id}`, body } : { method: 'POST', path: '/api/training/courses', body });
    onChanged(editing ? t('training.courseSaved') : t('training.courseAdded', { name: body.name }));
    setEditing(null);
    f.form.reset({ name: '', kind: 'lecture' });
  });
  const edit = (c: TCourse | null) => {
    setEditing(c);
    f.form.reset(c ? { name: c.name, kind: c.kind } : { name: '', kind: 'lecture' });
    if (c) document.getElementById('course-name')?.focus();
  };

  return (
    <section aria-labelledby="courses-heading">
      <h2 id="courses-heading">{t('training.coursesHeading')}</h2>
      {courses.length === 0 ? (
        <EmptyState>{t('training.noCourses')}</EmptyState>
      ) : (
        <DataTable
          caption={t('training.coursesCaption')}
          rows={courses}
          rowKey={(c) => c.id}
          columns={[
            { key: 'name', header: t('training.name'), rowHeader: true, sort: (c) => c.name, cell: (c) => c.name },
            { key: 'kind', header: t('training.kind'), sort: (c) => t(`training.kinds.${c.kind}`), cell: (c) => t(`training.kinds.${c.kind}`) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('training.edit')}</span>,
              cell: (c) => (
                <div className="button-row">
                  <button type="button" className="button button--secondary button--small" aria-label={t('training.editLabel', { name: c.name })} onClick={() => edit(c)}>
                    {t('training.edit')}
                  </button>
                  <RemoveButton
                    label={t('training.removeLabel', { name: c.name })}
                    confirm={{
                      title: t('training.confirmRemoveCourse', { name: c.name }),
                      text: t('training.confirmRemoveCourseText'),
                      path: `/api/training/courses/${c.id}`,
                      done: t('training.courseRemoved', { name: c.name }),
                    }}
                    ask={ask}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      <div className="panel">
        <h3 id="course-form-heading">{editing ? t('training.editLabel', { name: editing.name }) : t('training.addCourse')}</h3>
        <ErrorSummary errors={f.errors} idPrefix="course" focusKey={f.submits} />
        <form onSubmit={submit} noValidate aria-labelledby="course-form-heading">
          <fieldset disabled={f.saving} className="plain-fieldset">
            <TextField label={t('training.courseName')} {...f.field('name')} />
            <SelectField label={t('training.kind')} {...f.field('kind')}>
              {COURSE_KINDS.map((k) => (
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
                <button type="button" className="button button--secondary" onClick={() => edit(null)}>
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

/** A year's target: the year is the address's (ZTargetParams), the percent the body's (ZSetTargetRequest). */
const ZTargetForm = z.strictObject({ year: ZTargetParams.shape.year, targetPercent: ZSetTargetRequest.shape.targetPercent });

function TargetSection({ courses, onChanged, ask }: { courses: TCourse[]; onChanged(message: string): void; ask(p: Pending): void }) {
  const { t } = useTranslation();
  const [courseId, setCourseId] = useState(courses.find((c) => c.kind === 'web_basic')?.id ?? courses[0].id);
  const targets = useApiQuery<TTarget[]>(`/api/training/targets?courseId=${courseId}`);
  const save = useApiMutation(TRAINING_READS);
  const f = useApiForm(ZTargetForm, { idPrefix: 'target', defaultValues: { year: thisYear(), targetPercent: 100 } });
  const submit = f.onSubmit(async ({ year, targetPercent }) => {
    await save.mutateAsync({ method: 'PUT', path: `/api/training/courses/${courseId}/targets/${year}`, body: { targetPercent } });
    onChanged(t('training.targetSaved', { year }));
  });
  const course = courses.find((c) => c.id === courseId);

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
      <QueryState query={targets}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('training.targetsEmpty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('training.targetsCaption', { course: course?.name ?? '' })}
              rows={list}
              rowKey={(x) => String(x.year)}
              columns={[
                { key: 'year', header: t('training.year'), rowHeader: true, sort: (x) => x.year, cell: (x) => x.year },
                { key: 'target', header: t('training.target'), sort: (x) => x.targetPercent, cell: (x) => t('training.targetText', { percent: x.targetPercent }) },
                {
                  key: 'remove',
                  header: <span className="visually-hidden">{t('training.remove')}</span>,
                  cell: (x) => (
                    <RemoveButton
                      label={t('training.confirmRemoveTarget', { year: x.year })}
                      confirm={{
                        title: t('training.confirmRemoveTarget', { year: x.year }),
                        text: t('training.confirmRemoveTargetText'),
                        path: `/api/training/courses/${courseId}/targets/${x.year}`,
                        done: t('training.targetRemoved', { year: x.year }),
                      }}
                      ask={ask}
                    />
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <ErrorSummary errors={f.errors} idPrefix="target" focusKey={f.submits} />
      <form onSubmit={submit} noValidate aria-label={t('training.setTarget')}>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <div className="inline-fields">
            <TextField label={t('training.year')} inputMode="numeric" {...f.field('year', { setValueAs: asNumber })} />
            <TextField label={t('training.targetPercent')} inputMode="numeric" {...f.field('targetPercent', { setValueAs: asNumber })} />
            <button type="submit" className="button">
              {t('training.setTarget')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

const toggled = (list: string[], values: string[], on: boolean) => (on ? [...new Set([...list, ...values])] : list.filter((x) => !values.includes(x)));

function GroupSection({ onChanged, ask }: { onChanged(message: string): void; ask(p: Pending): void }) {
  const { t } = useTranslation();
  const groups = useApiQuery<TPriorityGroup[]>('/api/training/priority-groups');
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const units = useApiQuery<TUnit[]>('/api/units');
  const save = useApiMutation(TRAINING_READS);
  const f = useApiForm(ZPriorityGroupRequest, { idPrefix: 'group', defaultValues: { year: thisYear(), name: '', unitIds: [], boardIds: [] } });
  const submit = f.onSubmit(async (body) => {
    await save.mutateAsync({ method: 'POST', path: '/api/training/priority-groups', body });
    onChanged(t('training.groupAdded', { name: body.name }));
    f.form.reset({ year: body.year, name: '', unitIds: [], boardIds: [] });
  });
  // Units are chosen by name: every unit with the name, in every board ("unit categories").
  const byName = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const u of units.data ?? []) if (u.kind !== 'administration') map.set(u.name, [...(map.get(u.name) ?? []), u.id]);
    return [...map].sort(([a], [b]) => a.localeCompare(b, 'sv'));
  }, [units.data]);
  const unitIds = f.form.watch('unitIds') ?? [];
  const boardIds = f.form.watch('boardIds') ?? [];

  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('training.groupsHeading')}</h2>
      <p>{t('training.groupsLead')}</p>
      <QueryState query={groups}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('training.groupsListEmpty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('training.groupsListCaption')}
              rows={list}
              rowKey={(g) => g.id}
              columns={[
                { key: 'year', header: t('training.year'), sort: (g) => g.year, cell: (g) => g.year },
                { key: 'name', header: t('training.group'), rowHeader: true, sort: (g) => g.name, cell: (g) => g.name },
                { key: 'covers', header: t('training.covers'), cell: (g) => t('training.coversText', { units: g.unitIds.length, boards: g.boardIds.length }) },
                {
                  key: 'remove',
                  header: <span className="visually-hidden">{t('training.remove')}</span>,
                  cell: (g) => (
                    <RemoveButton
                      label={t('training.removeLabel', { name: g.name })}
                      confirm={{
                        title: t('training.confirmRemoveGroup', { name: g.name }),
                        text: t('training.confirmRemoveGroupText'),
                        path: `/api/training/priority-groups/${g.id}`,
                        done: t('training.groupRemoved', { name: g.name }),
                      }}
                      ask={ask}
                    />
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <div className="panel">
        <h3 id="group-form-heading">{t('training.addGroup')}</h3>
        <ErrorSummary errors={f.errors} idPrefix="group" focusKey={f.submits} />
        <form onSubmit={submit} noValidate aria-labelledby="group-form-heading">
          <fieldset disabled={f.saving} className="plain-fieldset">
            <div className="inline-fields">
              <TextField label={t('training.year')} inputMode="numeric" {...f.field('year', { setValueAs: asNumber })} />
              <TextField label={t('training.groupName')} {...f.field('name')} />
            </div>
            <fieldset className={`fieldset${f.errors.unitIds ? ' field--error' : ''}`} aria-describedby="group-unitIds-hint">
              <legend id="group-unitIds">{t('training.groupUnits')}</legend>
              <p className="hint" id="group-unitIds-hint">
                {t('training.groupUnitsHint')}
              </p>
              {f.errors.unitIds && <p className="field-error">{f.errors.unitIds}</p>}
              <QueryState query={units}>
                {() => (
                  <ul className="training-checks">
                    {byName.map(([name, ids], i) => (
                      <li key={name}>
                        <input
                          id={`group-unit-${i}`}
                          type="checkbox"
                          checked={ids.every((id) => unitIds.includes(id))}
                          onChange={(e) => f.form.setValue('unitIds', toggled(unitIds, ids, e.target.checked))}
                        />
                        <label htmlFor={`group-unit-${i}`}>{name}</label>
                      </li>
                    ))}
                  </ul>
                )}
              </QueryState>
            </fieldset>
            <fieldset className={`fieldset${f.errors.boardIds ? ' field--error' : ''}`} id="group-boardIds">
              <legend>{t('training.groupBoards')}</legend>
              {f.errors.boardIds && <p className="field-error">{f.errors.boardIds}</p>}
              <QueryState query={boards}>
                {(list) => (
                  <ul className="training-checks">
                    {list.map((b) => (
                      <li key={b.id}>
                        <input
                          id={`group-board-${b.id}`}
                          type="checkbox"
                          checked={boardIds.includes(b.id)}
                          onChange={(e) => f.form.setValue('boardIds', toggled(boardIds, [b.id], e.target.checked))}
                        />
                        <label htmlFor={`group-board-${b.id}`}>{b.name}</label>
                      </li>
                    ))}
                  </ul>
                )}
              </QueryState>
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
