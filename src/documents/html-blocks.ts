/**
 * Turns a section body of the editor's safe HTML subset (p, h3, ul, ol, li, strong/b, em/i, a, br)
 * into plain blocks that the DOCX and PDF renderers both lay out. Anything else is dropped to its
 * text; script/style content and comments are dropped entirely. Plain text without tags (an older
 * or imported body) becomes paragraphs split at blank lines, with line breaks kept.
 */

export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean; href?: string }
  | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: { level: number; ordered: boolean; inlines: Inline[] }[] };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', rdquo: '”', ldquo: '“', rsquo: '’', lsquo: '‘', bull: '•', sect: '§', shy: '',
  aring: 'å', Aring: 'Å', auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', eacute: 'é', Eacute: 'É', uuml: 'ü', Uuml: 'Ü',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** Links are kept only to the web and to e-mail; anything else (javascript:, data:, relative) becomes text. */
function safeHref(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const href = decodeEntities(raw).trim();
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(href) ? href : undefined;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function plainTextBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) => para.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()))
    .filter((lines) => lines.some((l) => l !== ''))
    .map((lines) => {
      const inlines: Inline[] = [];
      lines.forEach((line, i) => {
        if (i > 0) inlines.push({ kind: 'break' });
        if (line) inlines.push({ kind: 'text', text: line });
      });
      return { kind: 'paragraph' as const, inlines };
    });
}

/** Merges neighbouring runs of the same format, trims the block's ends, drops empty runs. */
function tidy(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of inlines) {
    const prev = out[out.length - 1];
    if (i.kind === 'text') {
      let text = i.text;
      // Collapse whitespace across run boundaries.
      if ((!prev || prev.kind === 'break' || (prev.kind === 'text' && /\s$/.test(prev.text))) && /^\s/.test(text)) text = text.replace(/^\s+/, '');
      if (!text) continue;
      if (prev && prev.kind === 'text' && !!prev.bold === !!i.bold && !!prev.italic === !!i.italic && prev.href === i.href) {
        prev.text += text;
      } else out.push({ ...i, text });
    } else {
      if (prev && prev.kind === 'text') prev.text = prev.text.replace(/\s+$/, '');
      out.push(i);
    }
  }
  const last = out[out.length - 1];
  if (last && last.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  while (out.length && out[out.length - 1].kind === 'break') out.pop();
  while (out.length && out[0].kind === 'break') out.shift();
  return out.filter((i) => i.kind === 'break' || i.text !== '');
}

export function htmlToBlocks(input: string | null | undefined): Block[] {
  const html = (input ?? '').replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  if (!/<\/?[a-z][^<>]*>/i.test(html)) return plainTextBlocks(decodeEntities(html));

  const blocks: Block[] = [];
  let current: Inline[] = [];
  let currentKind: 'paragraph' | 'heading' | 'item' = 'paragraph';
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  const lists: { ordered: boolean; block: Extract<Block, { kind: 'list' }> }[] = [];

  const flush = () => {
    const inlines = tidy(current);
    current = [];
    if (inlines.length === 0) return;
    if (lists.length > 0) {
      // (Text directly inside a list without <li> becomes an item of its own.)
      const list = lists[lists.length - 1];
      list.block.items.push({ level: lists.length - 1, ordered: list.ordered, inlines });
    } else {
      blocks.push({ kind: currentKind === 'heading' ? 'heading' : 'paragraph', inlines });
    }
  };

  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|([^<]+)|(<)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined || m[5] !== undefined) {
      // HTML white space collapses; a no-break space (&nbsp;) stays.
      const text = decodeEntities(m[4] ?? m[5]).replace(/[ \t\n\r\f]+/g, ' ');
      current.push({ kind: 'text', text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(href ? { href } : {}) });
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    switch (tag) {
      case 'p':
      case 'div':
        flush();
        currentKind = lists.length ? 'item' : 'paragraph';
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        flush();
        currentKind = closing ? (lists.length ? 'item' : 'paragraph') : 'heading';
        break;
      case 'ul':
      case 'ol':
        flush();
        if (!closing) {
          if (lists.length === 0) {
            const block: Extract<Block, { kind: 'list' }> = { kind: 'list', ordered: tag === 'ol', items: [] };
            blocks.push(block);
            lists.push({ ordered: tag === 'ol', block });
          } else {
            // A nested list continues its parent's block one level deeper.
            lists.push({ ordered: tag === 'ol', block: lists[lists.length - 1].block });
          }
          currentKind = 'item';
        } else {
          lists.pop();
          currentKind = lists.length ? 'item' : 'paragraph';
        }
        break;
      case 'li':
        flush();
        currentKind = lists.length ? 'item' : 'paragraph';
        break;
      case 'br':
        current.push({ kind: 'break' });
        break;
      case 'strong':
      case 'b':
        bold = Math.max(0, bold + (closing ? -1 : 1));
        break;
      case 'em':
      case 'i':
        italic = Math.max(0, italic + (closing ? -1 : 1));
        break;
      case 'a':
        href = closing ? undefined : safeHref(attr(m[3], 'href'));
        break;
      default:
        break; // unknown tags: their text is kept, the tag is not
    }
  }
  flush();
  return blocks.filter((b) => b.kind !== 'list' || b.items.length > 0);
}

/** The plain text of inlines (for captions, tests and fallbacks). */
export function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');
}
