import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZResetPasswordRequest, ZUpdateUserRequest, type TUser } from '@shared/modules/users/schema';
import { useApiMutation } from '../../api/mutation';
import type { TBoard } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { PASSWORD_MIN_LENGTH, useNewPasswordSchema } from './password';
import { RolesEditor } from './RolesEditor';

export function UserPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const users = useApiQuery<TUser[]>('/api/users');
  return (
    <QueryState query={users}>
      {(list) => {
        const user = list.find((u) => u.id === id);
        return user ? <UserDetail key={user.id} user={user} /> : <LoadError message={t('users.notFound')} />;
      }}
    </QueryState>
  );
}

function UserDetail({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const save = useApiMutation(['/api/users']);
  const [notice, setNotice] = useState(location.state?.created ? t('users.created') : '');
  const [confirm, setConfirm] = useState(false);
  const [statusError, setStatusError] = useState('');
  const path = `/api/users/${user.id}`;

  const edit = useApiForm(ZUpdateUserRequest.pick({ name: true, roles: true }), { idPrefix: 'edit', defaultValues: { name: user.name, roles: user.roles } });
  const submitEdit = edit.onSubmit(async (body) => {
    setNotice('');
    await save.mutateAsync({ method: 'PATCH', path, body });
    setNotice(t('users.saved'));
  });

  const password = useNewPasswordSchema();
  const reset = useApiForm(ZResetPasswordRequest.extend({ password }), { idPrefix: 'edit', defaultValues: { password: '' } });
  const submitReset = reset.onSubmit(async (body) => {
    setNotice('');
    await save.mutateAsync({ method: 'POST', path: `${path}/password`, body });
    reset.form.reset();
    setNotice(t('users.passwordReset'));
  });

  async function toggleActive() {
    setConfirm(false);
    setNotice('');
    setStatusError('');
    try {
      await save.mutateAsync({ method: 'PATCH', path, body: { active: !user.active } });
      setNotice(user.active ? t('users.deactivated') : t('users.activated'));
    } catch (err) {
      setStatusError(err instanceof Error ? err.message : t('common.networkError'));
    }
  }

  const self = user.id === me?.user.id;
  const saving = edit.saving || reset.saving || save.isPending;

  return (
    <>
      <p>
        <Link to="/admin/anvandare">{t('users.back')}</Link>
      </p>
      <PageHeading title={user.name}>{user.name}</PageHeading>
      <p className="lead">
        {user.email} · <StatusTag tone={user.active ? 'ok' : 'off'}>{user.active ? t('users.active') : t('users.inactive')}</StatusTag>
      </p>
      {notice && <Notice>{notice}</Notice>}
      {statusError && <LoadError message={statusError} />}
      <ErrorSummary errors={{ ...edit.errors, ...reset.errors }} idPrefix="edit" focusKey={edit.submits + reset.submits} />

      <form onSubmit={submitEdit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <TextField label={t('users.name')} {...edit.field('name')} />
          <RolesEditor idPrefix="edit" grants={edit.form.watch('roles') ?? []} boards={boards.data ?? []} onChange={(g) => edit.form.setValue('roles', g)} />
          <button type="submit" className="button">
            {t('common.save')}
          </button>
        </fieldset>
      </form>

      <section aria-labelledby="pw-heading" className="panel">
        <h2 id="pw-heading">{t('users.resetPassword')}</h2>
        <form onSubmit={submitReset} noValidate>
          <fieldset disabled={saving} className="plain-fieldset">
            <TextField
              label={t('users.newPassword')}
              hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
              {...reset.field('password')}
            />
            <button type="submit" className="button button--secondary">
              {t('users.setPassword')}
            </button>
          </fieldset>
        </form>
      </section>

      {!self && (
        <section aria-labelledby="status-heading" className="panel">
          <h2 id="status-heading">{user.active ? t('users.deactivate') : t('users.activate')}</h2>
          <p>{user.active ? t('users.deactivateHelp') : t('users.activateHelp')}</p>
          <button type="button" className={`button ${user.active ? 'button--warning' : ''}`} disabled={saving} onClick={() => setConfirm(true)}>
            {user.active ? t('users.deactivate') : t('users.activate')}
          </button>
          <ConfirmDialog
            open={confirm}
            title={user.active ? t('users.confirmDeactivate', { name: user.name }) : t('users.confirmActivate', { name: user.name })}
            confirmLabel={user.active ? t('users.deactivate') : t('users.activate')}
            onCancel={() => setConfirm(false)}
            onConfirm={() => void toggleActive()}
          >
            <p>{user.active ? t('users.deactivateHelp') : t('users.activateHelp')}</p>
          </ConfirmDialog>
        </section>
      )}
    </>
  );
}
