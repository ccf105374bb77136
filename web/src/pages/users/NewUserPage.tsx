import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TBoard, TUser } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { ErrorSummary, TextField, useSave, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { RolesEditor, type Grant } from './RolesEditor';

const MIN_PASSWORD = 15;

export function NewUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const boards = useQuery<TBoard[]>('/api/boards');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Grant[]>([]);
  const { saving, errors, setErrors, save } = useSave(t('common.networkError'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!name.trim()) local.name = t('users.nameMissing');
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) local.email = t('users.emailInvalid');
    if ([...password].length < MIN_PASSWORD) local.password = t('users.passwordShort', { min: MIN_PASSWORD });
    setErrors(local);
    if (Object.keys(local).length) return;
    const user = await save(
      () => api<TUser>('POST', '/api/users', { name: name.trim(), email: email.trim(), password, roles }),
      ['name', 'email', 'password', 'roles'],
      'email',
    );
    if (user) navigate(`/admin/anvandare/${user.id}`, { state: { created: true } });
  }

  return (
    <>
      <p>
        <Link to="/admin/anvandare">{t('users.back')}</Link>
      </p>
      <PageHeading title={t('users.create')}>{t('users.create')}</PageHeading>
      <ErrorSummary errors={errors} idPrefix="user" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <TextField id="user-name" label={t('users.name')} autoComplete="off" value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          <TextField id="user-email" label={t('users.email')} type="email" autoComplete="off" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          <TextField
            id="user-password"
            label={t('users.initialPassword')}
            hint={t('users.passwordHint', { min: MIN_PASSWORD })}
            type="password"
            autoComplete="new-password"
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <RolesEditor idPrefix="user" grants={roles} boards={boards.data ?? []} onChange={setRoles} />
          {errors.roles && <p className="field-error">{errors.roles}</p>}
          <button type="submit" className="button">
            {t('users.createSubmit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
