import { z } from 'zod';

/**
 * Field builders the request schemas share, so a text or date field's rule and its Swedish
 * messages are written once. Pure (zod only): the web app's forms use them through @shared.
 */

export const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} ska vara text.` })
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .nullable()
    .optional();

export const requiredText = (max: number, missing: string, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} får vara högst ${max} tecken.`);

export const isoDate = (message: string) => z.iso.date({ error: message });
