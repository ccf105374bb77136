import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TBoard, TUnit } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField, useSave } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';

function UnitTree({ units, parentId }: { units: TUnit[]; parentId: string | null }) {
  const { t } = useTranslation();
  const children = units.filter((u) => u.parentId === parentId);
  if (!children.length) return null;
  return (
    <ul className="tree">
      {children.map((u) => (
        <li key={u.id}>
          {u.name} <span className="tag">{t(`unitKinds.${u.kind}`)}</span>
          <UnitTree units={units} parentId={u.id} />
        </li>
      ))}
    </ul>
  );
}

export function BoardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { hasRole } = useSession();
  const boards = useQuery<TBoard[]>('/api/boards');
  const units = useQuery<TUnit[]>(`/api/boards/${id}/units`);
  const [notice, setNotice] = useState('');
  const board = boards.data?.find((b) => b.id === id);
  const title = board?.name ?? t('orgs.board');

  return (
    <>
      <p>
        <Link to="/organisation">{t('orgs.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {board && <p className="lead">{t(`boardKinds.${board.kind}`)}</p>}
      {notice && <Notice>{notice}</Notice>}
      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{t('orgs.units')}</h2>
        {units.loading && <Loading />}
        {units.error && <LoadError message={units.error.message} />}
        {units.data && units.data.length === 0 && <EmptyState>{t('orgs.noUnits')}</EmptyState>}
        {units.data && <UnitTree units={units.data} parentId={null} />}
      </section>
      {hasRole('admin') && units.data && units.data.length > 0 && (
        <RenameUnitForm
          units={units.data}
          onRenamed={(u) => {
            setNotice(t('orgs.unitRenamed', { name: u.name }));
            void units.reload();
          }}
        />
      )}
      {hasRole('admin') && units.data && (
        <CreateUnitForm
          boardId={id!}
          units={units.data}
          onCreated={(u) => {
            setNotice(t('orgs.unitCreated', { name: u.name }));
            void units.reload();
          }}
        />
      )}
    </>
  );
}

function CreateUnitForm({ boardId, units, onCreated }: { boardId: string; units: TUnit[]; onCreated(u: TUnit): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('unit');
  const [parentId, setParentId] = useState('');
  const { saving, errors, setErrors, save } = useSave(t('common.networkError'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setErrors({ name: t('orgs.nameMissing') });
    const unit = await save(
      () => api<TUnit>('POST', `/api/boards/${boardId}/units`, { name: name.trim(), kind, parentId: parentId || null }),
      ['name', 'kind', 'parentId'],
      'name',
    );
    if (!unit) return;
    setName('');
    onCreated(unit);
  }

  return (
    <section aria-labelledby="new-unit" className="panel">
      <h2 id="new-unit">{t('orgs.newUnit')}</h2>
      <ErrorSummary errors={errors} idPrefix="unit" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <TextField id="unit-name" label={t('orgs.unitName')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          <SelectField id="unit-kind" label={t('orgs.unitKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {(['administration', 'department', 'unit'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`unitKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="unit-parentId" label={t('orgs.parent')} value={parentId} error={errors.parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('orgs.noParent')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t('orgs.createUnit')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

function RenameUnitForm({ units, onRenamed }: { units: TUnit[]; onRenamed(u: TUnit): void }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(units[0].id);
  const [name, setName] = useState('');
  const { saving, errors, setErrors, save } = useSave(t('common.networkError'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setErrors({ name: t('orgs.nameMissing') });
    const unit = await save(() => api<TUnit>('PATCH', `/api/units/${unitId}`, { name: name.trim() }), ['name'], 'name');
    if (!unit) return;
    setName('');
    onRenamed(unit);
  }

  return (
    <section aria-labelledby="rename-unit" className="panel">
      <h2 id="rename-unit">{t('orgs.renameUnit')}</h2>
      <ErrorSummary errors={errors} idPrefix="rename" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <SelectField id="rename-unit-id" label={t('orgs.unitToRename')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField id="rename-name" label={t('orgs.newName')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button">
            {t('orgs.rename')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
