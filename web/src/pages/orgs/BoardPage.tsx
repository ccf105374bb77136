import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, ZCreateUnitRequest, ZUpdateBoardRequest, type TBoard, type TUnit } from '@shared/modules/orgs/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { EmptyState, Notice } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form';
import { FormPanel } from '../../components/FormPanel';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ORGANISATION_READS } from './OrganisationPage';

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

/** A unit option list: every unit of the board by name. */
const unitOptions = (units: TUnit[]) =>
  units.map((u) => (
    <option key={u.id} value={u.id}>
      {u.name}
    </option>
  ));

export function BoardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const units = useApiQuery<TUnit[]>(`/api/boards/${id}/units`);
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
        <QueryState query={units}>{(list) => (list.length === 0 ? <EmptyState>{t('orgs.noUnits')}</EmptyState> : <UnitTree units={list} parentId={null} />)}</QueryState>
      </section>
      {can('units.update', id) && units.data && units.data.length > 0 && <RenameUnitForm units={units.data} onRenamed={(u) => setNotice(t('orgs.unitRenamed', { name: u.name }))} />}
      {can('units.create', id) && units.data && <CreateUnitForm boardId={id!} units={units.data} onCreated={(u) => setNotice(t('orgs.unitCreated', { name: u.name }))} />}
    </>
  );
}

function CreateUnitForm({ boardId, units, onCreated }: { boardId: string; units: TUnit[]; onCreated(u: TUnit): void }) {
  const { t } = useTranslation();
  const save = useApiMutation<TUnit>(ORGANISATION_READS);
  const f = useApiForm(ZCreateUnitRequest.pick({ name: true, kind: true, parentId: true }), {
    idPrefix: 'unit',
    defaultValues: { name: '', kind: 'unit', parentId: null },
  });
  const submit = f.onSubmit(async (body) => {
    const unit = await save.mutateAsync({ method: 'POST', path: `/api/boards/${boardId}/units`, body });
    f.form.reset();
    onCreated(unit);
  });

  return (
    <FormPanel id="new-unit" heading={t('orgs.newUnit')} form={f} onSubmit={submit} submitLabel={t('orgs.createUnit')}>
      <TextField label={t('orgs.unitName')} {...f.field('name')} />
      <SelectField label={t('orgs.unitKind')} {...f.field('kind')}>
        {UNIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`unitKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('orgs.parent')} {...f.field('parentId', { setValueAs: (v: string | null) => v || null })}>
        <option value="">{t('orgs.noParent')}</option>
        {unitOptions(units)}
      </SelectField>
    </FormPanel>
  );
}

function RenameUnitForm({ units, onRenamed }: { units: TUnit[]; onRenamed(u: TUnit): void }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(units[0].id);
  const save = useApiMutation<TUnit>(ORGANISATION_READS);
  const f = useApiForm(ZUpdateBoardRequest.pick({ name: true }), { idPrefix: 'rename', defaultValues: { name: '' } });
  const submit = f.onSubmit(async (body) => {
    const unit = await save.mutateAsync({ method: 'PATCH', path: `/api/units/${unitId}`, body });
    f.form.reset();
    onRenamed(unit);
  });

  return (
    <FormPanel id="rename-unit" heading={t('orgs.renameUnit')} form={f} onSubmit={submit} submitLabel={t('orgs.rename')}>
      <SelectField id="rename-unit-id" label={t('orgs.unitToRename')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        {unitOptions(units)}
      </SelectField>
      <TextField label={t('orgs.newName')} {...f.field('name')} />
    </FormPanel>
  );
}
