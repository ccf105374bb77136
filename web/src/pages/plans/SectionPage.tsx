import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { Loading, LoadError } from '../../components/feedback';
import { ErrorSummary, errorsFrom, TextField, type FieldErrors } from '../../components/form';
import { PlanEditHeading, type TPlan } from './shared';

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'h3' | 'p';

/**
 * A small rich-text editor: a contenteditable region named by its label, and a toolbar of real
 * buttons (bold, italic, lists, subheading). Ctrl+B and Ctrl+I work as in any editor. The server
 * keeps only the safe subset (p, h3, lists, strong, em, links) whatever is pasted.
 */
export function RichTextEditor({ id, label, hint, initialHtml, onChange }: { id: string; label: string; hint?: string; initialHtml: string; onChange(html: string): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = initialHtml;
  }, [initialHtml]);

  const exec = (c: Command) => {
    ref.current?.focus();
    if (c === 'h3' || c === 'p') document.execCommand('formatBlock', false, c);
    else document.execCommand(c);
    onChange(ref.current?.innerHTML ?? '');
  };
  const buttons: { c: Command; label: string }[] = [
    { c: 'bold', label: t('plans.editor.bold') },
    { c: 'italic', label: t('plans.editor.italic') },
    { c: 'insertUnorderedList', label: t('plans.editor.bullets') },
    { c: 'insertOrderedList', label: t('plans.editor.numbers') },
    { c: 'h3', label: t('plans.editor.heading') },
    { c: 'p', label: t('plans.editor.paragraph') },
  ];
  return (
    <div className="field">
      <p className="plans-editor-label" id={`${id}-label`}>
        <strong>{label}</strong>
      </p>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="plans-toolbar" role="toolbar" aria-label={t('plans.editor.toolbar')} aria-controls={id}>
        {buttons.map((b) => (
          <button key={b.c} type="button" className="button button--secondary button--small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec(b.c)}>
            {b.label}
          </button>
        ))}
      </div>
      <div
        ref={ref}
        id={id}
        className="plans-editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        tabIndex={0}
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
      />
    </div>
  );
}

/** Write one section of the plan. */
export function SectionPage() {
  const { t } = useTranslation();
  const { id, key } = useParams();
  const navigate = useNavigate();
  const plan = useQuery<TPlan>(`/api/plans/${id}`);
  const section = plan.data?.sections.find((s) => s.key === key);
  const [html, setHtml] = useState<string | null>(null);
  const [datedOn, setDatedOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  if (plan.loading && !plan.data) return <Loading />;
  if (plan.error) return <LoadError message={plan.error.message} />;
  if (!plan.data) return null;
  if (!section) return <LoadError message={t('plans.sections.notFound')} />;
  const p = plan.data;
  const title = t('plans.sections.editHeading', { title: section.title });
  const situation = section.key === 'lagesbild';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      await api('PUT', `/api/plans/${p.id}/sections/${section!.key}`, {
        bodyHtml: html ?? section!.bodyHtml,
        ...(situation && { datedOn: (datedOn ?? section!.datedOn) || null }),
      });
      navigate(`/planer/${p.id}`, { state: { notice: t('plans.sections.saved', { title: section!.title }) } });
    } catch (err) {
      setErrors(errorsFrom(err, ['bodyHtml', 'datedOn'], 'bodyHtml', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PlanEditHeading plan={p} title={title} />
      <ErrorSummary errors={errors} idPrefix="section" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving || !p.canEdit} className="plain-fieldset">
          <RichTextEditor id="section-bodyHtml" label={t('plans.sections.text')} hint={section.guidance ?? undefined} initialHtml={section.bodyHtml} onChange={setHtml} />
          {errors.bodyHtml && <p className="field-error">{errors.bodyHtml}</p>}
          {situation && (
            <TextField
              id="section-datedOn"
              type="date"
              label={t('plans.sections.datedOnLabel')}
              hint={t('plans.sections.datedOnHint')}
              value={datedOn ?? section.datedOn ?? ''}
              error={errors.datedOn}
              onChange={(e) => setDatedOn(e.target.value)}
            />
          )}
          <div className="button-row">
            <button type="submit" className="button">
              {t('plans.sections.save')}
            </button>
            <Link className="button button--secondary" to={`/planer/${p.id}`}>
              {t('common.cancel')}
            </Link>
          </div>
        </fieldset>
      </form>
    </>
  );
}
