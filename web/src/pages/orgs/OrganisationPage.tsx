import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TBoard } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField, useSave } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';

const KINDS = ['city_board', 'district_board', 'specialist_board'] as const;

export function OrganisationPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const boards = useQuery<TBoard[]>('/api/boards');
  const [notice, setNotice] = useState('');

  return (
    <>
      <PageHeading title={t('orgs.title')}>{t('orgs.title')}</PageHeading>
      <p className="lead">{t('orgs.lead')}</p>
      {notice && <Notice>{notice}</Notice>}
      {boards.loading && <Loading />}
      {boards.error && <LoadError message={boards.error.message} />}
      {boards.data &&
        KINDS.map((kind) => {
          const list = boards.data!.filter((b) => b.kind === kind);
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
        })}
      {hasRole('admin') && (
        <CreateBoardForm
          onCreated={(b) => {
            setNotice(t('orgs.boardCreated', { name: b.name }));
            void boards.reload();
          }}
        />
      )}
    </>
  );
}

function CreateBoardForm({ onCreated }: { onCreated(b: TBoard): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('district_board');
  const { saving, errors, setErrors, save } = useSave(t('common.networkError'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setErrors({ name: t('orgs.nameMissing') });
    const board = await save(() => api<TBoard>('POST', '/api/boards', { name: name.trim(), kind }), ['name', 'kind'], 'name');
    if (!board) return;
    setName('');
    onCreated(board);
  }

  return (
    <section aria-labelledby="new-board" className="panel">
      <h2 id="new-board">{t('orgs.newBoard')}</h2>
      <ErrorSummary errors={errors} idPrefix="board" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <TextField id="board-name" label={t('orgs.boardName')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          <SelectField id="board-kind" label={t('orgs.boardKind')} value={kind} error={errors.kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`boardKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t('orgs.createBoard')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
