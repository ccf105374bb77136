import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TBoard, TUser } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { ConfirmDialog, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { RolesEditor, type Grant } from './RolesEditor';

const MIN_PASSWORD = 15;

export function UserPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const { me } = useSession();
  const users = useQuery<TUser[]>('/api/users');
  const boards = useQuery<TBoard[]>('/api/boards');
  const user = users.data?.find((u) => u.id === id);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Grant[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState(location.state?.created ? t('users.created') : '');
  const [confirm, setConfirm] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (user) {
      setName(user.name);
      setRoles(user.roles);
    }
  }, [user]);

  async function run(action: () => Promise<unknown>, done: string, fields: string[], fallback: string) {
    setSaving(true);
    setErrors({});
    try {
      await action();
      setNotice(done);
      await users.reload();
    } catch (err) {
      setNotice('');
      setErrors(errorsFrom(err, fields, fallback, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  if (users.loading && !users.data) return <Loading />;
  if (users.error) return <LoadError message={users.error.message} />;
  if (!user) return <LoadError message={t('users.notFound')} />;
  const self = user.id === me?.user.id;

  return (
    <>
      <p>
        <Link to="/admin/anvandare">{t('users.back')}</Link>
      </p>
      <PageHeading title={user.name}>{user.name}</PageHeading>
      <p className="lead">
        {user.email} · <span className={`tag ${user.active ? 'tag--ok' : 'tag--off'}`}>{user.active ? t('users.active') : t('users.inactive')}</span>
      </p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} idPrefix="edit" />

      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (!name.trim()) return setErrors({ name: t('users.nameMissing') });
          void run(() => api('PATCH', `/api/users/${user.id}`, { name: name.trim(), roles }), t('users.saved'), ['name', 'roles'], 'name');
        }}
        noValidate
      >
        <fieldset disabled={saving} className="plain-fieldset">
          <TextField id="edit-name" label={t('users.name')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          <RolesEditor idPrefix="edit" grants={roles} boards={boards.data ?? []} onChange={setRoles} />
          <button type="submit" className="button">
            {t('common.save')}
          </button>
        </fieldset>
      </form>

      <section aria-labelledby="pw-heading" className="panel">
        <h2 id="pw-heading">{t('users.resetPassword')}</h2>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if ([...password].length < MIN_PASSWORD) return setErrors({ password: t('users.passwordShort', { min: MIN_PASSWORD }) });
            void run(
              async () => {
                await api('POST', `/api/users/${user.id}/password`, { password });
                setPassword('');
              },
              t('users.passwordReset'),
              ['password'],
              'password',
            );
          }}
          noValidate
        >
          <fieldset disabled={saving} className="plain-fieldset">
            <TextField
              id="edit-password"
              label={t('users.newPassword')}
              hint={t('users.passwordHint', { min: MIN_PASSWORD })}
              type="password"
              autoComplete="new-password"
              value={password}
              error={errors.password}
              onChange={(e) => setPassword(e.target.value)}
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
            onConfirm={() => {
              setConfirm(false);
              void run(
                () => api('PATCH', `/api/users/${user.id}`, { active: !user.active }),
                user.active ? t('users.deactivated') : t('users.activated'),
                [],
                'name',
              );
            }}
          >
            <p>{user.active ? t('users.deactivateHelp') : t('users.activateHelp')}</p>
          </ConfirmDialog>
        </section>
      )}
    </>
  );
}
