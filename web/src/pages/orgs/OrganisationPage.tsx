import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BOARD_KINDS, ZCreateBoardRequest, type TBoard } from '@shared/modules/orgs/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { Notice } from '../../components/feedback';
import { SelectField, TextField } from '../../components/form';
import { FormPanel } from '../../components/FormPanel';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';

/** Every capability reads boards and units, so a change to the organisation refreshes every read. */
export const ORGANISATION_READS = ['/api'];

export function OrganisationPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const [notice, setNotice] = useState('');

  return (
    <>
      <PageHeading title={t('orgs.title')}>{t('orgs.title')}</PageHeading>
      <p className="lead">{t('orgs.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      <QueryState query={boards}>
        {(all) =>
          BOARD_KINDS.map((kind) => {
            const list = all.filter((b) => b.kind === kind);
            if (!list.length) return null;
            return (
              <section key={kind} aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`}>
                  {t(`boardKinds.plural.${kind}`)} ({list.length})
                </h2>
                <ul className="link-list">
                  {list.map((b) => (
                    <li key={b.id}>
                      <Link to={`/organisation/${b.id}`}>{b.name}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        }
      </QueryState>
      {can('boards.create') && <CreateBoardForm onCreated={(b) => setNotice(t('orgs.boardCreated', { name: b.name }))} />}
    </>
  );
}

function CreateBoardForm({ onCreated }: { onCreated(b: TBoard): void }) {
  const { t } = useTranslation();
  const save = useApiMutation<TBoard>(ORGANISATION_READS);
  const f = useApiForm(ZCreateBoardRequest.pick({ name: true, kind: true }), { idPrefix: 'board', defaultValues: { name: '', kind: 'district_board' } });
  const submit = f.onSubmit(async (body) => {
    const board = await save.mutateAsync({ method: 'POST', path: '/api/boards', body });
    f.form.reset();
    onCreated(board);
  });

  return (
    <FormPanel id="new-board" heading={t('orgs.newBoard')} form={f} onSubmit={submit} submitLabel={t('orgs.createBoard')}>
      <TextField label={t('orgs.boardName')} {...f.field('name')} />
      <SelectField label={t('orgs.boardKind')} {...f.field('kind')}>
        {BOARD_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`boardKinds.${k}`)}
          </option>
        ))}
      </SelectField>
    </FormPanel>
  );
}
