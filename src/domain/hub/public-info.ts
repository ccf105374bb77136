/**
 * A board's public "where to turn" page (PRODUCT.md §8). Contacts are functions — a mailbox or a
 * switchboard number — never a person's own; the emergency numbers are always shown and never stored.
 */

/** Shown on every public page, first. */
export const ALWAYS_SHOWN_CONTACTS = [
  { label: 'Vid akut fara: ring 112', phone: '112' },
  { label: 'Polisen, när det inte är akut: ring 114 14', phone: '114 14' },
] as const;

/** A Swedish or international phone number as people write it: digits with spaces, dashes, one leading +. */
export function isPhoneNumber(value: string): boolean {
  const v = value.trim();
  if (!/^\+?[0-9][0-9 \-()]*[0-9]$/.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15;
}

/**
 * Does a mailbox look like a private person's address (förnamn.efternamn@…) rather than a
 * function's? Heuristic: two or three alphabetic parts separated by dots, none of them a word
 * functions use. The coordinator can still publish it by confirming.
 */
const FUNCTION_WORDS = /(vbe|extremism|samordn|kontakt|info|kansli|registrator|stod|stöd|lots|forvaltning|förvaltning|nämnd|namnd|social|polis|fritid|skola|orosanmalan|oro|trygg|brott|kommun|stad|reception|vaxel|växel|post|mottagning|radgivning|rådgivning|funktion|enhet)/i;
export function looksPersonal(email: string): boolean {
  const local = email.split('@')[0] ?? '';
  const parts = local.split('.');
  if (parts.length < 2 || parts.length > 3) return false;
  if (!parts.every((p) => /^[a-zåäöéü-]{2,}$/i.test(p))) return false;
  return !FUNCTION_WORDS.test(local);
}
