import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZCreateUserRequest, type TUser } from '@shared/modules/users/schema';
import { useApiMutation } from '../../api/mutation';
import type { TBoard } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ErrorSummary, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { PASSWORD_MIN_LENGTH, useNewPasswordSchema } from './password';
import { RolesEditor } from './RolesEditor';

export function NewUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const password = useNewPasswordSchema();
  const create = useApiMutation<TUser>(['/api/users']);
  const f = useApiForm(ZCreateUserRequest.pick({ name: true, email: true, roles: true }).extend({ password }), {
    idPrefix: 'user',
    defaultValues: { name: '', email: '', password: '', roles: [] },
  });
  const submit = f.onSubmit(async (body) => {
    const user = await create.mutateAsync({ method: 'POST', path: '/api/users', body });
    navigate(`/admin/anvandare/${user.id}`, { state: { created: true } });
  });

  return (
    <>
      <p>
        <Link to="/admin/anvandare">{t('users.back')}</Link>
      </p>
      <PageHeading title={t('users.create')}>{t('users.create')}</PageHeading>
      <ErrorSummary errors={f.errors} idPrefix="user" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving} className="plain-fieldset">
          <TextField label={t('users.name')} autoComplete="off" {...f.field('name')} />
          <TextField label={t('users.email')} type="email" autoComplete="off" {...f.field('email')} />
          <TextField
            label={t('users.initialPassword')}
            hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            type="password"
            autoComplete="new-password"
            {...f.field('password')}
          />
          <RolesEditor idPrefix="user" grants={f.form.watch('roles') ?? []} boards={boards.data ?? []} onChange={(g) => f.form.setValue('roles', g)} />
          {f.errors.roles && <p className="field-error">{f.errors.roles}</p>}
          <button type="submit" className="button">
            {t('users.createSubmit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
