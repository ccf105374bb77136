import sanitizeHtml from 'sanitize-html';

/**
 * The rich-text subset a plan section may hold: paragraphs, level-3 headings, lists, bold,
 * italic, line breaks and links (http, https, mailto). Everything else is removed, including
 * attributes, scripts and styles, before anything is stored.
 */
export const SECTION_TAGS = ['p', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br'];

export function sanitizeSectionHtml(html: string): string {
  const clean = sanitizeHtml(html, {
    allowedTags: SECTION_TAGS,
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // b/i from pasted text or contenteditable become their semantic forms.
    transformTags: { b: 'strong', i: 'em', h1: 'h3', h2: 'h3', h4: 'h3', div: 'p' },
  });
  // A link whose address was refused (javascript: and the like) keeps its text, not the tag.
  return clean.replace(/<a>([\s\S]*?)<\/a>/g, '$1').trim();
}

/** Plain text typed without any markup becomes paragraphs, so a textarea works as an editor too. */
export function textToHtml(text: string): string {
  if (/<\/?(p|h[1-6]|ul|ol|li|strong|em|b|i|a|br|div|span)\b/i.test(text)) return text;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br />')}</p>`)
    .join('');
}
